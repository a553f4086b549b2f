package org.assure.returns;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DueWordingTest {
    @Test
    void daysToTheDeadlineInWords() {
        assertEquals("due today", ReturnService.due(0));
        assertEquals("1 day left", ReturnService.due(1));
        assertEquals("3 days left", ReturnService.due(3));
        assertEquals("1 day late", ReturnService.due(-1));
        assertEquals("2 days late", ReturnService.due(-2));
    }
}
