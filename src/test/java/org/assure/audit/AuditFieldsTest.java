package org.assure.audit;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fields are stored as JSON text and read back the same; events are refused without the subject their action needs. */
class AuditFieldsTest {
    private static final AuditKind THING = new AuditKind("thing");

    private enum ThingAudit implements AuditAction {
        WHOLE(false), PART(true);

        private final boolean subject;

        ThingAudit(boolean subject) {
            this.subject = subject;
        }

        @Override
        public AuditKind kind() {
            return THING;
        }

        @Override
        public String code() {
            return name().toLowerCase();
        }

        @Override
        public boolean hasSubject() {
            return subject;
        }
    }

    @Test
    void fieldsRoundTripThroughJsonTextInTheirOrder() {
        String tricky = "“quoted” \"too\", back\\slash, </script>\nnew line\ttab \u0001 ’ 🙂";
        AuditFields fields = AuditFields.of("rating", "GREEN", "evidence", tricky, "reason", "");
        String json = AuditFields.toJson(fields);
        assertTrue(json.startsWith("{\"rating\":\"GREEN\",\"evidence\":"), json);
        AuditFields read = AuditFields.fromJson(json);
        assertEquals(fields, read);
        assertEquals(List.of("rating", "evidence", "reason"), List.copyOf(read.values().keySet()));
        assertEquals(tricky, read.get("evidence"));
        assertEquals("", read.get("reason"), "an empty value is a value");
    }

    @Test
    void nullValuesAreLeftOutAndNullFieldsAreNull() {
        assertEquals(Map.of("rating", "RED"), AuditFields.of("rating", "RED", "evidence", null).values());
        assertTrue(AuditFields.of("status", null).isEmpty());
        assertEquals("{}", AuditFields.toJson(AuditFields.of("status", null)));
        assertNull(AuditFields.toJson(null));
        assertNull(AuditFields.fromJson(null));
        assertEquals("", AuditFields.of("a", "b").getOrEmpty("missing"));
    }

    @Test
    void fieldsAreNamedOnceEach() {
        assertThrows(IllegalArgumentException.class, () -> AuditFields.of("rating", "GREEN", "rating", "RED"));
        Map<String, String> unnamed = new LinkedHashMap<>();
        unnamed.put(" ", "x");
        assertThrows(IllegalArgumentException.class, () -> AuditFields.of(unnamed));
    }

    @Test
    void onlyAFlatObjectOfTextReads() {
        assertThrows(IllegalStateException.class, () -> AuditFields.fromJson("[\"GREEN\"]"));
        assertThrows(IllegalStateException.class, () -> AuditFields.fromJson("{\"rating\":{\"code\":\"GREEN\"}}"));
        assertEquals(AuditFields.of("count", "3"), AuditFields.fromJson("{\"count\":3,\"gone\":null}"));
    }

    @Test
    void statusFieldsCarryTheEnumName() {
        assertEquals(AuditFields.of(AuditFields.STATUS, "PART"), AuditFields.status(ThingAudit.PART));
        assertEquals("words", AuditFields.of(AuditFields.TEXT, "words").text());
    }

    @Test
    void anActionAboutAPartNeedsItsSubjectAndOthersTakeNone() {
        assertThrows(IllegalArgumentException.class, () -> new AuditTrail.Change(ThingAudit.PART, null, null));
        assertThrows(IllegalArgumentException.class, () -> new AuditTrail.Change(ThingAudit.PART, " ", null, null));
        assertThrows(IllegalArgumentException.class, () -> new AuditTrail.Change(ThingAudit.WHOLE, "key", null, null));
        assertEquals("key", new AuditTrail.Change(ThingAudit.PART, "key", null, AuditFields.of("a", "b")).subjectKey());
    }

    @Test
    void eventsCompareByKindActionAndSubject() {
        AuditEvent e = new AuditEvent(1, 1, null, java.time.Instant.EPOCH, "thing", 5, "part", "key", null, null);
        assertTrue(e.is(ThingAudit.PART));
        assertTrue(e.is(ThingAudit.PART, "key"));
        assertTrue(!e.is(ThingAudit.PART, "other") && !e.is(ThingAudit.WHOLE));
        assertTrue(!new AuditEvent(1, 1, null, java.time.Instant.EPOCH, "other", 5, "part", "key", null, null).is(ThingAudit.PART));
        assertThrows(IllegalArgumentException.class, () -> new AuditKind(""));
    }
}
