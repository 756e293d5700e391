package dev.akkoord.account;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of dashboard sign-in ({@code akkoord.dashboard.*}). */
@ConfigMapping(prefix = "akkoord.dashboard")
public interface DashboardConfig {

    /** bcrypt work factor; every step doubles the time a guess costs (and a login). */
    @WithDefault("12")
    int bcryptCost();

    /** A session ends after this long without a request. */
    @WithDefault("12h")
    Duration sessionIdleTimeout();

    /** A session ends this long after sign-in, however active it is. */
    @WithDefault("7d")
    Duration sessionMaxAge();

    /** Sign-in attempts, failed or not, allowed per account name from one client address in one window. */
    @WithDefault("10")
    int loginAttemptsPerAccount();

    /** Failed sign-ins on one account, from anywhere, in one window, after which every attempt on it waits. */
    @WithDefault("50")
    int loginBrakeAfter();

    /** How long each sign-in attempt on a braked account waits before its password is checked. */
    @WithDefault("3s")
    Duration loginBrakeDelay();

    /** Sign-in attempts allowed per client address in one window (higher: offices share an address). */
    @WithDefault("30")
    int loginAttemptsPerAddress();

    @WithDefault("15m")
    Duration loginWindow();
}
