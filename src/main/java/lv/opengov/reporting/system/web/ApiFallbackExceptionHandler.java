package lv.opengov.reporting.system.web;

import lv.opengov.reporting.common.ApiError;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The JSON answer of {@link ApiExceptionHandler} for an {@code /api/**} address that matches no REST
 * controller. Every other address keeps its error page: for it the exception goes on to Spring's
 * default handling.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiFallbackExceptionHandler {

    private final ApiExceptionHandler api;

    ApiFallbackExceptionHandler(ApiExceptionHandler api) {
        this.api = api;
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiError> noResource(NoResourceFoundException e, HttpServletRequest request) throws Exception {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            throw e;
        }
        return api.noResource(e);
    }
}
