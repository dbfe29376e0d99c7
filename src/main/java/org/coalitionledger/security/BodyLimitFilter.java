package org.coalitionledger.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses request bodies above the documented limits with 413: at once when the declared length is too large, and
 * as soon as the limit is passed while a body of undeclared length (chunked) is read. Imports, which stream their
 * body, and evidence uploads have larger limits than every other request.
 */
public final class BodyLimitFilter extends OncePerRequestFilter {

    private final long maxBody;
    private final long maxImportBody;
    private final long maxEvidenceBody;

    BodyLimitFilter(long maxBody, long maxImportBody, long maxEvidenceBody) {
        this.maxBody = maxBody;
        this.maxImportBody = maxImportBody;
        this.maxEvidenceBody = maxEvidenceBody;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        long limit = "/api/import".equals(path) ? maxImportBody : "/api/evidence".equals(path) ? maxEvidenceBody
                : maxBody;
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            Problems.write(response, HttpStatus.PAYLOAD_TOO_LARGE, tooLarge(limit));
            return;
        }
        chain.doFilter(new Limited(request, limit), response);
    }

    static String tooLarge(long limit) {
        return "the request body is larger than the " + limit + " bytes allowed here (docs/security.md)";
    }

    /** Thrown while reading a body that has passed its limit; answered with 413 by the exception handler. */
    public static final class BodyTooLargeException extends IOException {
        BodyTooLargeException(long limit) {
            super(tooLarge(limit));
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class Counting extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long read;

        Counting(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > limit) {
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
