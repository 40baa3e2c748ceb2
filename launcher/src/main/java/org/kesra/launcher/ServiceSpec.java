package org.kesra.launcher;

import java.util.List;

/**
 * One Spring Boot application of the platform as the launcher starts it.
 *
 * @param database     its own database, or null for the gateway and the console
 * @param portVariable the environment variable that moves its port
 * @param urlVariable  the variable through which the gateway finds it, or null for the gateway
 */
record ServiceSpec(String module, String database, String portVariable, int defaultPort, String urlVariable) {

    /** The variable that moves its management (actuator) port: {@code HOUSEHOLD_MANAGEMENT_PORT}. */
    String managementPortVariable() {
        return portVariable.replace("_PORT", "_MANAGEMENT_PORT");
    }

    /** Its management port unless told otherwise: the API port + 1000 (9081 for 8081), as in its application.yml. */
    static int defaultManagementPort(int port) {
        return port + 1000 <= 65535 ? port + 1000 : port - 1000;
    }

    static final ServiceSpec GATEWAY = new ServiceSpec("gateway", null, "GATEWAY_PORT", 8080, null);

    /** The web console: no database; reached through the gateway, it calls the APIs through the gateway too. */
    static final ServiceSpec CONSOLE = new ServiceSpec("console", null, "CONSOLE_PORT", 8085, "CONSOLE_URL");

    boolean isGateway() {
        return this.equals(GATEWAY);
    }

    boolean isConsole() {
        return this.equals(CONSOLE);
    }

    static final List<ServiceSpec> SERVICES = List.of(
            new ServiceSpec("household-service", "household", "HOUSEHOLD_PORT", 8081, "HOUSEHOLD_SERVICE_URL"),
            new ServiceSpec("welfare-service", "welfare", "WELFARE_PORT", 8082, "WELFARE_SERVICE_URL"),
            new ServiceSpec("performance-service", "performance", "PERFORMANCE_PORT", 8083, "PERFORMANCE_SERVICE_URL"),
            new ServiceSpec("reporting-service", "reporting", "REPORTING_PORT", 8084, "REPORTING_SERVICE_URL"));
}
