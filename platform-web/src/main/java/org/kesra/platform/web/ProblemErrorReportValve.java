package org.kesra.platform.web;

import java.io.IOException;
import java.io.PrintWriter;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatusCode;

/**
 * The servlet container's own error answer as a problem detail: Tomcat refuses some requests before any filter or
 * controller sees them (a control character in a header value, a malformed request line) and answered those with an
 * HTML page. The detail names no value; the request never reached the application, so there is no request id.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String code = Problems.codeFor(HttpStatusCode.valueOf(status));
        String body = "{\"type\":\"urn:kesra:problem:" + code + "\",\"title\":\""
                + Problems.titleFor(HttpStatusCode.valueOf(status)) + "\",\"status\":" + status
                + ",\"detail\":\"Permintaan ditolak server: baris permintaan atau header berisi karakter yang tidak"
                + " diizinkan.\",\"code\":\"" + code + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The connection is gone or the answer already started: nothing more to say.
        }
    }
}
