package org.accordpay.console.internal.operator;

import com.vaadin.flow.server.VaadinSession;
import java.io.Serializable;
import java.util.Optional;
import org.accordpay.api.operator.dto.OperatorRole;

/**
 * The signed-in operator, kept in the Vaadin session only.
 *
 * @param login the operator's login, recorded with every action
 * @param role  what they may do
 */
public record OperatorSession(String login, OperatorRole role) implements Serializable {

    /** @return the operator signed in to the current Vaadin session, if any */
    public static Optional<OperatorSession> current() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null ? Optional.empty() : Optional.ofNullable(session.getAttribute(OperatorSession.class));
    }

    /** Records the signed-in operator in the current Vaadin session. */
    static void signIn(OperatorSession operator) {
        VaadinSession.getCurrent().setAttribute(OperatorSession.class, operator);
    }

    /** @return true when this operator may act, not only look */
    public boolean mayAct() {
        return role.mayAct();
    }
}
