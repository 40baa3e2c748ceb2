package org.kesra.platform.web;

import org.kesra.platform.refusal.PlatformProblems;
import java.util.EnumMap;
import java.util.Map;
import org.kesra.platform.refusal.Refusal;
import org.kesra.platform.refusal.RefusalKind;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.beans.TypeMismatchException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;

/**
 * The one place where exceptions become RFC 9457 problem details, so controllers never map errors themselves.
 * Input errors point at the field; anything unexpected is a 500 that names the request id, never a stack trace.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    /** Request parameters, headers and multipart text fields bound as String never hold a NUL (CleanText). */
    @InitBinder
    void refuseNulInText(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new CleanText.Editor());
    }

    /** The one place where a domain refusal's kind becomes an HTTP status. */
    public static final Map<RefusalKind, HttpStatus> STATUS = new EnumMap<>(Map.ofEntries(
            Map.entry(RefusalKind.INVALID, HttpStatus.BAD_REQUEST),
            Map.entry(RefusalKind.UNAUTHENTICATED, HttpStatus.UNAUTHORIZED),
            Map.entry(RefusalKind.FORBIDDEN, HttpStatus.FORBIDDEN),
            Map.entry(RefusalKind.NOT_FOUND, HttpStatus.NOT_FOUND),
            Map.entry(RefusalKind.CONFLICT, HttpStatus.CONFLICT),
            Map.entry(RefusalKind.STALE, HttpStatus.PRECONDITION_FAILED),
            Map.entry(RefusalKind.TOO_LARGE, HttpStatus.PAYLOAD_TOO_LARGE),
            Map.entry(RefusalKind.UNSUPPORTED, HttpStatus.UNSUPPORTED_MEDIA_TYPE),
            Map.entry(RefusalKind.UNPROCESSABLE, HttpStatus.UNPROCESSABLE_ENTITY),
            Map.entry(RefusalKind.VERSION_REQUIRED, HttpStatus.PRECONDITION_REQUIRED),
            Map.entry(RefusalKind.UNAVAILABLE, HttpStatus.SERVICE_UNAVAILABLE)));

    @ExceptionHandler(Refusal.class)
    ResponseEntity<ProblemDetail> handleRefusal(Refusal e) {
        HttpStatus status = STATUS.get(e.kind());
        ProblemDetail problem = Problems.of(status, e.code(), e.type().title(), e.detail(), e.violations());
        return ResponseEntity.status(status).body(problem);
    }

    @ExceptionHandler(ApiProblemException.class)
    ResponseEntity<ProblemDetail> handleApiProblem(ApiProblemException e) {
        ProblemDetail problem = Problems.of(e.status(), e.code(), e.title(), e.getMessage(), e.violations());
        return ResponseEntity.status(e.status()).body(problem);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> handleConstraintViolation(ConstraintViolationException e) {
        List<Violation> violations = e.getConstraintViolations().stream()
                .map(v -> Violation.field(pointer(v.getPropertyPath()), v.getMessage()))
                .toList();
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, PlatformProblems.VALIDATION.code(), null,
                "Ada isian yang tidak valid.", violations));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> handleAccessDenied(AccessDeniedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Problems.of(HttpStatus.FORBIDDEN, PlatformProblems.FORBIDDEN.code(),
                null, "Peran atau wilayah Anda tidak mengizinkan tindakan ini.", List.of()));
    }

    /**
     * A file endpoint called with something other than multipart/form-data (a JSON body, nothing): the client's
     * mistake. Too large an upload is a subclass and keeps its own 413 from the base class (closer match).
     */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> handleNotMultipart(MultipartException e) {
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, PlatformProblems.NOT_MULTIPART.code(), null,
                "Kirim berkas sebagai multipart/form-data pada bagian 'file'.",
                List.of(Violation.field("/file", "Berkas tidak ada."))));
    }

    /** A body over the cap of {@link MalformedRequestFilter}, met while a controller read it itself. */
    @ExceptionHandler(MalformedRequestFilter.BodyTooLargeException.class)
    ResponseEntity<ProblemDetail> handleBodyTooLarge(MalformedRequestFilter.BodyTooLargeException e) {
        return tooLarge(e);
    }

    /**
     * A header the firewall refused when the application first read it (the firewall checks headers lazily). Not
     * logged: the exception's message quotes the header's value.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> handleRequestRejected(RequestRejectedException e) {
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, MalformedRequestFilter.HEADER_CODE,
                null, "Header permintaan berisi karakter yang tidak diizinkan.", List.of()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception e) {
        // The stack trace without any message: messages can quote the input (a NIK, a name, a SQL parameter).
        log.error("unexpected error", Redacted.of(e));
        return ResponseEntity.internalServerError().body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR,
                "KESRA-INTERNAL", null, "Terjadi kesalahan pada server. Sebutkan kode permintaan (requestId) saat"
                        + " melapor ke admin.", List.of()));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Violation> violations = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            violations.add(Violation.field(pointer(error.getField()), error.getDefaultMessage()));
        }
        e.getBindingResult().getGlobalErrors()
                .forEach(error -> violations.add(Violation.field("", error.getDefaultMessage())));
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, PlatformProblems.VALIDATION.code(), null,
                "Ada isian yang tidak valid.", violations));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Violation> violations = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                violations.add(Violation.field(
                        "/" + result.getMethodParameter().getParameterName(), error.getDefaultMessage()))));
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, PlatformProblems.VALIDATION.code(), null,
                "Ada isian yang tidak valid.", violations));
    }

    /** A parameter or header that cannot be converted (or holds a NUL): named, its value not repeated. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = e.getPropertyName() != null ? e.getPropertyName() : "";
        String detail = e.getCause() != null && CleanText.DETAIL.equals(e.getCause().getMessage())
                ? CleanText.DETAIL : "Nilai tidak sesuai dengan jenis isian.";
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, PlatformProblems.VALIDATION.code(), null,
                "Ada isian yang tidak valid.", List.of(Violation.field("/" + name, detail))));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MalformedRequestFilter.BodyTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(tooLarge(tooLarge).getBody());
            }
        }
        List<Violation> violations = List.of();
        if (e.getCause() instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            StringBuilder pointer = new StringBuilder();
            databind.getPath().forEach(ref -> pointer.append('/')
                    .append(ref.getPropertyName() != null ? ref.getPropertyName() : ref.getIndex()));
            String detail = databind instanceof CleanText.UncleanTextException
                    ? CleanText.DETAIL : "Nilai tidak sesuai dengan jenis isian.";
            violations = List.of(Violation.field(pointer.toString(), detail));
        }
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, PlatformProblems.BODY_MALFORMED.code(), null,
                "Isi permintaan bukan JSON yang sah atau tidak sesuai bentuknya.", violations));
    }

    private static ResponseEntity<ProblemDetail> tooLarge(MalformedRequestFilter.BodyTooLargeException e) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(Problems.of(HttpStatus.PAYLOAD_TOO_LARGE,
                MalformedRequestFilter.TOO_LARGE_CODE, null, MalformedRequestFilter.tooLargeDetail(e.maxBytes()),
                List.of()));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            Problems.decorate(problem, Problems.codeFor(status));
        }
        return response;
    }

    /**
     * A violation's path as a JSON pointer into the request: the method and parameter-owner nodes of method
     * validation are left out, container indexes kept ({@code register.arg0.members[0].nik} to {@code /members/0/nik}).
     */
    static String pointer(jakarta.validation.Path path) {
        List<jakarta.validation.Path.Node> nodes = new ArrayList<>();
        path.forEach(nodes::add);
        StringBuilder pointer = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            jakarta.validation.Path.Node node = nodes.get(i);
            jakarta.validation.ElementKind kind = node.getKind();
            boolean last = i == nodes.size() - 1;
            if (kind == jakarta.validation.ElementKind.METHOD || kind == jakarta.validation.ElementKind.CONSTRUCTOR
                    || kind == jakarta.validation.ElementKind.RETURN_VALUE
                    || (kind == jakarta.validation.ElementKind.PARAMETER && !last)) {
                continue;
            }
            if (node.getIndex() != null) {
                pointer.append('/').append(node.getIndex());
            } else if (node.getKey() != null) {
                pointer.append('/').append(node.getKey());
            }
            if (node.getName() != null && kind != jakarta.validation.ElementKind.CONTAINER_ELEMENT) {
                pointer.append('/').append(node.getName());
            }
        }
        return pointer.toString();
    }

    /** {@code members[0].nik} becomes the JSON pointer {@code /members/0/nik}. */
    static String pointer(String path) {
        if (path == null || path.isEmpty()) {
            return "";
        }
        return "/" + path.replace("[", ".").replace("]", "").replace('.', '/').replaceAll("/+", "/");
    }
}
