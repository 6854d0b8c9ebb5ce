package com.deskledger.infra.web;

import com.deskledger.kernel.ErrorCode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Request bodies up to {@code deskledger.web.max-body-size} (1 MB): a larger declared {@code Content-Length} is
 * answered 413 problem+json before a byte of the body is read; a body without a length (chunked) is counted as it
 * is read and refused with {@link BodyTooLargeException} (413 as well, see {@link ProblemHandler}) once it passes
 * the limit, so no request body is ever held whole beyond it. Ordered right after the correlation id, before
 * security: an unauthenticated client cannot make the server read a large body either.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class BodySizeLimitFilter extends OncePerRequestFilter {

    /** The one upload: a member import file, streamed to the database as it is read (CSV only). */
    static final String IMPORT_UPLOAD = "/api/imports/members";

    private final long limit;
    private final long importLimit;
    private final ObjectMapper json;

    public BodySizeLimitFilter(@Value("${deskledger.web.max-body-size:1MB}") DataSize limit,
                               @Value("${deskledger.imports.max-file-size:100MB}") DataSize importLimit,
                               ObjectMapper json) {
        this.limit = limit.toBytes();
        this.importLimit = importLimit.toBytes();
        this.json = json;
    }

    /** A member import file (POST of CSV to the upload path) may be larger; every other body is held to the limit. */
    private long limitOf(HttpServletRequest request) {
        String type = request.getContentType();
        boolean csv = type != null && (type.toLowerCase(java.util.Locale.ROOT).startsWith("text/csv")
                || type.toLowerCase(java.util.Locale.ROOT).startsWith("application/csv"));
        return csv && "POST".equals(request.getMethod()) && IMPORT_UPLOAD.equals(request.getRequestURI())
                ? importLimit : limit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitOf(request);
        if (request.getContentLengthLong() > limit) {
            // the rest of the body is not read: the connection closes after the answer
            response.setHeader(HttpHeaders.CONNECTION, "close");
            Problems.write(response, Problems.of(ErrorCode.PAYLOAD_TOO_LARGE, request), json);
            return;
        }
        chain.doFilter(new Limited(request, limit), response);
    }

    /** Thrown by a counted body's stream once it passes the limit; answered 413. */
    public static final class BodyTooLargeException extends IOException {

        BodyTooLargeException(long limit) {
            super("the request body is larger than " + limit + " bytes");
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;
        private BufferedReader reader;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counted(super.getInputStream(), limit);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            if (reader == null) {
                String encoding = getCharacterEncoding();
                Charset charset;
                try {
                    charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
                } catch (IllegalArgumentException unknown) {
                    throw new java.io.UnsupportedEncodingException("unsupported request charset");
                }
                reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
            }
            return reader;
        }
    }

    private static final class Counted extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long count;

        Counted(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws BodyTooLargeException {
            count += n;
            if (count > limit) {
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
