package com.deskledger.infra.web;

import com.deskledger.kernel.ErrorCode;
import com.deskledger.kernel.MetaDataKeys;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import java.io.IOException;
import java.io.Writer;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's error report, as problem+json instead of its HTML page. It answers what Tomcat refuses before the
 * application sees the request (a URL with {@code %00}, an encoded slash or backslash, a path that cannot be
 * normalised, a method Tomcat does not take); everything that reaches the application is answered by it. Fixed
 * words per status, never the exception's message, no server version.
 */
public class ProblemReportValve extends ErrorReportValve {

    public ProblemReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        ErrorCode code = Problems.codeOf(status);
        String correlationId = UUID.randomUUID().toString();
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.setHeader(MetaDataKeys.CORRELATION_HEADER, correlationId);
            SecurityHeadersFilter.common(response);
            response.setHeader("Content-Security-Policy", SecurityHeadersFilter.API_POLICY);
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body(status, code, correlationId));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response committed: nothing more to say
        }
    }

    /** The problem as JSON; every value is fixed text of ours (no request data), so nothing needs escaping. */
    static String body(int status, ErrorCode code, String correlationId) {
        return "{\"type\":\"urn:deskledger:problem:" + code.name().toLowerCase().replace('_', '-') + "\","
                + "\"title\":\"" + reason(status) + "\",\"status\":" + status + ","
                + "\"detail\":\"" + Problems.detailOf(code) + "\",\"code\":\"" + code.name() + "\","
                + "\"" + MetaDataKeys.CORRELATION_ID + "\":\"" + correlationId + "\"}";
    }

    private static String reason(int status) {
        org.springframework.http.HttpStatus known = org.springframework.http.HttpStatus.resolve(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }
}
