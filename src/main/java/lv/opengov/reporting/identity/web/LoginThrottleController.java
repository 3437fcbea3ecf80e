package lv.opengov.reporting.identity.web;

import lv.opengov.reporting.identity.LoginThrottle;

import static lv.opengov.reporting.common.TextRules.blankToNull;

import java.util.List;
import lv.opengov.reporting.common.ApiError;
import lv.opengov.reporting.common.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * For administrators: the client addresses and accounts with recent failed logins, and which of
 * them are blocked now; a block can be lifted before it ends by itself.
 */
@RestController
@RequestMapping("/api/security/login-blocks")
@PreAuthorize("@access.isAdmin()")
class LoginThrottleController {

    private final LoginThrottle throttle;
    private final MessageSource messages;

    LoginThrottleController(LoginThrottle throttle, MessageSource messages) {
        this.throttle = throttle;
        this.messages = messages;
    }

    record Lifted(int lifted) {
    }

    @GetMapping
    List<LoginThrottle.Block> list() {
        return throttle.list();
    }

    /** Lifts the blocks of an address, of an account (from every address), or of one pair. */
    @DeleteMapping
    Lifted lift(@RequestParam(required = false) String address, @RequestParam(required = false) String account) {
        if ((address == null || address.isBlank()) && (account == null || account.isBlank())) {
            String message = messages.getMessage("login-blocks.lift.what", null, LocaleContextHolder.getLocale());
            throw new InvalidInputException(message, List.of(new ApiError.FieldProblem("address", message)));
        }
        return new Lifted(throttle.lift(blankToNull(address), blankToNull(account)));
    }
}
