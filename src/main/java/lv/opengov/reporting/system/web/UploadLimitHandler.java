package lv.opengov.reporting.system.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import lv.opengov.reporting.common.ApiError;
import lv.opengov.reporting.common.ByteSizes;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UrlPathHelper;

/**
 * An upload larger than the container takes ({@code spring.servlet.multipart.max-file-size}) is refused
 * before any controller sees it, so the answer is given here, for every route: to the JSON API a 413
 * naming the limit; to a page the page again (the address the form was sent to, as a GET) with the
 * message above it, as the pages answer any refused form. Nothing was stored.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimitHandler {

    private final MessageSource messages;
    private final MultipartProperties multipart;
    private final ObjectMapper json;

    UploadLimitHandler(MessageSource messages, MultipartProperties multipart, ObjectMapper json) {
        this.messages = messages;
        this.multipart = multipart;
        this.json = json;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String message = messages.getMessage("upload.too-large", new Object[] {
            ByteSizes.format(multipart.getMaxFileSize().toBytes(), LocaleContextHolder.getLocale())},
                LocaleContextHolder.getLocale());
        String path = new UrlPathHelper().getPathWithinApplication(request);
        if (path.startsWith("/api/")) {
            HttpStatus status = HttpStatus.PAYLOAD_TOO_LARGE;
            response.setStatus(status.value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getOutputStream(),
                    new ApiError(status.value(), status.getReasonPhrase(), message, List.of()));
            return new ModelAndView();
        }
        RequestContextUtils.getOutputFlashMap(request).put("problem", message);
        return new ModelAndView("redirect:" + path);
    }
}
