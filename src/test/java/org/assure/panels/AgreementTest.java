package org.assure.panels;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Agreement on fixtures counted by hand. */
class AgreementTest {
    private static final long A = 1;
    private static final long B = 2;
    private static final long C = 3;

    private static Map<Long, String> item(Object... markerRating) {
        Map<Long, String> m = new LinkedHashMap<>();
        for (int i = 0; i < markerRating.length; i += 2) {
            m.put((Long) markerRating[i], (String) markerRating[i + 1]);
        }
        return m;
    }

    /**
     * Three markers, four items. Pairs: item 1 (G,G,G) 3 pairs, 3 agree; item 2 (G,A) 1 pair, 0 agree; item 3 (A,A,R)
     * 3 pairs, 1 agrees; item 4 one marker, no pair. 7 pairs, 4 agree: p_o = 4/7. Each pair counts both its ratings
     * in the marginals: G 6+1 = 7, A 1+4 = 5, R 2, of 14; p_e = (49 + 25 + 4) / 196 = 78/196; kappa = (112 - 78) /
     * (196 - 78) = 34/118.
     */
    @Test
    void threeMarkersCountedByHand() {
        Agreement.Figures f = Agreement.of(List.of(item(A, "GREEN", B, "GREEN", C, "GREEN"), item(A, "GREEN", B, "AMBER"),
                item(A, "AMBER", B, "AMBER", C, "RED"), item(A, "RED")));
        assertEquals(7, f.pairs());
        assertEquals(4, f.agreed());
        assertEquals(4.0 / 7, f.exact(), 1e-9);
        assertEquals(34.0 / 118, f.kappa(), 1e-9);
        assertEquals("57%", f.exactText());
        assertEquals("0.29", f.kappaText());
        assertEquals("fair", f.kappaWords());
        assertEquals(3, f.items());
        assertEquals(2, f.disagreements());
    }

    /** Two markers who always differ: p_o = 0; marginals G 2, A 2 of 4, p_e = 1/2; kappa = -1. */
    @Test
    void twoMarkersWhoAlwaysDiffer() {
        Agreement.Figures f = Agreement.of(List.of(item(A, "GREEN", B, "AMBER"), item(A, "AMBER", B, "GREEN")));
        assertEquals(0.0, f.exact(), 1e-9);
        assertEquals(-1.0, f.kappa(), 1e-9);
        assertEquals("no better than chance", f.kappaWords());
    }

    @Test
    void noPairsIsNotEnoughMarks() {
        Agreement.Figures f = Agreement.of(List.of(item(A, "GREEN"), item()));
        assertFalse(f.any());
        assertNull(f.exact());
        assertNull(f.kappa());
        assertEquals("not enough marks", f.exactText());
        assertEquals("not enough marks", f.kappaText());
    }

    /** Every rating the same: full agreement, but chance agreement is certain too, so kappa is undefined. */
    @Test
    void oneRatingThroughoutLeavesKappaUndefined() {
        Agreement.Figures f = Agreement.of(List.of(item(A, "GREEN", B, "GREEN"), item(A, "GREEN", B, "GREEN", C, "GREEN")));
        assertEquals(4, f.pairs());
        assertEquals(1.0, f.exact(), 1e-9);
        assertNull(f.kappa());
        assertEquals("100%", f.exactText());
        assertEquals("not enough marks", f.kappaText());
    }
}
