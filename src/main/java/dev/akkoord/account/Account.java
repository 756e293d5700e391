package dev.akkoord.account;

import java.util.UUID;

/**
 * A dashboard account, without its password hash.
 *
 * @param mustChangePassword the account may do nothing but set its e-mail address and password
 */
public record Account(UUID id, String email, Role role, boolean mustChangePassword) {

    public boolean isOperator() {
        return role == Role.OPERATOR;
    }
}
