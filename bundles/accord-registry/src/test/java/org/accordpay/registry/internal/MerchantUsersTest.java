package org.accordpay.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.accordpay.api.registry.RegistryException;
import org.accordpay.api.registry.dto.Merchant;
import org.accordpay.api.registry.dto.MerchantApplication;
import org.accordpay.api.registry.dto.MerchantUser;
import org.accordpay.crypto.Argon2idParams;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Merchant console accounts against the real store (H2). */
class MerchantUsersTest {

    @TempDir
    Path dir;

    private RegistryFixture f;
    private MerchantUsersImpl users;
    private Merchant shop;

    @BeforeEach
    void start() throws Exception {
        f = new RegistryFixture(dir);
        users = new MerchantUsersImpl(f.store, f.clock, RegistryPolicy.defaults(Argon2idParams.TEST_ONLY));
        shop = f.merchants.apply(new MerchantApplication("Duval SARL", "Librairie Duval", MerchantRegistryTest.ACCOUNT),
                "alice");
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private static void refused(ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOf(RegistryException.class).extracting("code").isEqualTo(code);
    }

    @Test
    void anAccountSignsInWithItsPasswordOnlyAndAfterAResetWithTheNewOne() {
        char[] typed = "first password!".toCharArray();
        MerchantUser u = users.add(shop.id(), " Anne@Duval.example ", typed, "alice");
        assertThat(typed).containsOnly('\0');
        assertThat(u.login()).isEqualTo("anne@duval.example");
        assertThat(u.merchantId()).isEqualTo(shop.id());
        assertThat(users.authenticate("ANNE@duval.example", "first password!".toCharArray())).contains(u);
        assertThat(users.authenticate("anne@duval.example", "first passwordX".toCharArray())).isEmpty();
        assertThat(users.authenticate("nobody@duval.example", "first password!".toCharArray())).isEmpty();
        assertThat(users.authenticate(null, null)).isEmpty();
        assertThat(f.auditEntries("merchant.user-added")).isEqualTo(1);

        users.resetPassword("anne@duval.example", "second password".toCharArray(), "bob");
        assertThat(users.authenticate("anne@duval.example", "first password!".toCharArray())).isEmpty();
        assertThat(users.authenticate("anne@duval.example", "second password".toCharArray()))
                .hasValueSatisfying(x -> assertThat(x.id()).isEqualTo(u.id()));
        assertThat(f.auditEntries("merchant.user-password-reset")).isEqualTo(1);
        assertThat(users.forMerchant(shop.id())).extracting(MerchantUser::login).containsExactly("anne@duval.example");
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        users.add(shop.id(), "anne", "first password!".toCharArray(), "alice");
        refused(() -> users.add("m-none", "paul", "first password!".toCharArray(), "alice"),
                RegistryException.UNKNOWN_MERCHANT);
        refused(() -> users.add(shop.id(), "ANNE", "other password".toCharArray(), "alice"),
                RegistryException.INVALID_FIELD);
        refused(() -> users.add(shop.id(), "a b", "first password!".toCharArray(), "alice"),
                RegistryException.INVALID_FIELD);
        refused(() -> users.add(shop.id(), "paul", "short".toCharArray(), "alice"), RegistryException.INVALID_FIELD);
        refused(() -> users.resetPassword("paul", "second password".toCharArray(), "bob"),
                RegistryException.INVALID_FIELD);
        refused(() -> users.resetPassword("anne", "short".toCharArray(), "bob"), RegistryException.INVALID_FIELD);
        assertThat(users.forMerchant(shop.id())).extracting(MerchantUser::login).containsExactly("anne");
        assertThat(users.authenticate("anne", "first password!".toCharArray())).isPresent();
        assertThat(f.auditEntries("merchant.user-added")).isEqualTo(1);
        assertThat(f.auditEntries("merchant.user-password-reset")).isZero();
    }
}
