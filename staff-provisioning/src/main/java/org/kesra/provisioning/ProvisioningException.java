package org.kesra.provisioning;

import java.util.List;

/** The staff file cannot be applied; nothing was written. */
class ProvisioningException extends RuntimeException {

    private final List<String> problems;

    ProvisioningException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    List<String> problems() {
        return problems;
    }
}
