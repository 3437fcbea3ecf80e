package lv.opengov.reporting.identity;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the current user may do, for {@code @PreAuthorize("@access...")} and for services that
 * narrow what they show to the caller's institutions.
 */
@Component("access")
public class Access {

    public boolean isAdmin() {
        return hasGroup(Groups.ADMINS);
    }

    public boolean isCoordinator() {
        return hasGroup(Groups.COORDINATORS) || hasGroup(Groups.ADMINS);
    }

    public boolean isReviewer() {
        return hasGroup(Groups.REVIEWERS) || isCoordinator();
    }

    public boolean isBoardMember() {
        return hasGroup(Groups.BOARD) || isCoordinator();
    }

    /**
     * The institutions whose reports the current user may see: null for all (coordinators, reviewers,
     * the board), else the user's own.
     */
    public List<String> visibleInstitutions() {
        return isReviewer() || isBoardMember() ? null : institutionCodes();
    }

    /** The codes (upper case) of the institutions and other implementers the current user acts for. */
    public List<String> institutionCodes() {
        return groupIds().stream()
                .map(Groups::institutionCodeOf)
                .filter(java.util.Objects::nonNull)
                .sorted()
                .toList();
    }

    public List<String> groupIds() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return List.of();
        }
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(Groups.AUTHORITY_PREFIX))
                .map(a -> a.substring(Groups.AUTHORITY_PREFIX.length()))
                .toList();
    }

    private boolean hasGroup(String groupId) {
        return groupIds().contains(groupId);
    }
}
