package lv.opengov.reporting.system.web;

import lv.opengov.reporting.common.ApiError;
import lv.opengov.reporting.common.NotFoundException;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The JSON answers of {@link ApiExceptionHandler} for {@code /api/**} requests that no REST controller
 * handles: file downloads served by page controllers and addresses that match nothing. Pages keep
 * their own error pages: for them the exception goes on to Spring's default handling.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiFallbackExceptionHandler {

    private final ApiExceptionHandler api;

    ApiFallbackExceptionHandler(ApiExceptionHandler api) {
        this.api = api;
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ResponseEntity<ApiError> unreadable(Exception e, HttpServletRequest request) throws Exception {
        requireApi(request, e);
        return api.unreadable(e);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ApiError> notFound(NotFoundException e, HttpServletRequest request) throws Exception {
        requireApi(request, e);
        return api.notFound(e);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiError> noResource(NoResourceFoundException e, HttpServletRequest request) throws Exception {
        requireApi(request, e);
        return api.noResource(e);
    }

    private static void requireApi(HttpServletRequest request, Exception e) throws Exception {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            throw e;
        }
    }
}
