package org.assure.accounts;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordRulesTest {
    private static final String EMAIL = "Jane.Smith@Council.example";

    private static Optional<String> problem(String password) {
        return PasswordRules.problem(password, EMAIL);
    }

    @Test
    void twelveToTwoHundredCharacters() {
        assertEquals(Optional.of(PasswordRules.LENGTH_MESSAGE), problem("eleven chrs"));
        assertEquals(Optional.empty(), problem("twelve chars"));
        assertEquals(Optional.empty(), problem("x".repeat(7) + " kestrel ".repeat(21)).filter(m -> !m.equals(PasswordRules.LENGTH_MESSAGE)));
        assertEquals(Optional.of(PasswordRules.LENGTH_MESSAGE), problem("a".repeat(201)));
        assertEquals(Optional.of(PasswordRules.LENGTH_MESSAGE), problem(null));
        assertEquals(Optional.of(PasswordRules.LENGTH_MESSAGE), problem(""));
    }

    @Test
    void theCommonestPasswordsAreRefusedHoweverTheyAreWritten() {
        for (String common : new String[] {"password1234", "Password1234", "PASSWORD 1234", "p@ssw0rd1234", "qwertyuiop123",
                "123456789012", "iloveyou1234", "liverpool123", "Football2024!", "welcome12345", "safeguarding1",
                "correcthorsebatterystaple", "1q2w3e4r5t6y", "passwordpassword"}) {
            assertEquals(Optional.of(PasswordRules.COMMON_MESSAGE), problem(common), common);
        }
    }

    @Test
    void theListShippedIsLargeAndOrdinaryPassphrasesPass() {
        assertTrue(PasswordRules.isCommon("dragon"), "famous short ones are on it");
        for (String fine : new String[] {"correct horse battery", "kettle orbit marmalade", "a long new password", "Tr0mbone-Satellite-42",
                "ünïcödé passphrase ✓"}) {
            assertEquals(Optional.empty(), problem(fine), fine);
        }
    }

    @Test
    void notTheEmailAddressNorItsLocalPart() {
        assertEquals(Optional.of(PasswordRules.EMAIL_MESSAGE), problem("jane.smith@council.example"));
        assertEquals(Optional.of(PasswordRules.EMAIL_MESSAGE), problem("my jane.smith 2026!"));
        assertEquals(Optional.of(PasswordRules.EMAIL_MESSAGE), problem("JANE.SMITH-is-me"));
        assertEquals(Optional.empty(), problem("jane smith is lovely"), "the local part, not the words in it");
        assertEquals(Optional.empty(), PasswordRules.problem("jo is a great name", "jo@x.example"), "too short a local part to tell");
        assertEquals(Optional.of(PasswordRules.EMAIL_MESSAGE), PasswordRules.problem("xx jo@x.example xx", "jo@x.example"));
        assertEquals(Optional.empty(), PasswordRules.problem("fine long password here", null));
    }
}
