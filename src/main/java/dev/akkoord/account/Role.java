package dev.akkoord.account;

import java.util.Locale;

/** An operator runs the platform and sees every site; an owner sees only the sites granted to them. */
public enum Role {
    OPERATOR, OWNER;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Role fromKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
