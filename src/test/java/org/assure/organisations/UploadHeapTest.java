package org.assure.organisations;

import org.assure.testsupport.CraftedXlsx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9 item 5: a crafted workbook is refused with the heap growing by under 100 MB. Each file is
 * read in a JVM of its own limited to 100 MB of heap (so "under 100 MB" cannot be met by luck of the
 * test JVM's garbage collection), which also reports the peak it measured. Before the streaming
 * reader, the 5 MB file below ran that JVM out of memory.
 */
class UploadHeapTest {
    @TempDir
    Path folder;

    @Test
    void aFiveMegabyteSheetOfHundredsOfThousandsOfRowsIsRefusedInUnderAHundredMegabytes() throws Exception {
        for (String reader : List.of("gias", "banks")) {
            // the banks reader reads only its own sheets, so the crafted one is named as one of them
            byte[] crafted = CraftedXlsx.manyRows(reader.equals("gias") ? "Schools" : "Questions");
            assertTrue(crafted.length > 5_000_000 && crafted.length < 6_000_000, "the file is about 5 MB: " + crafted.length);
            Probe probe = probe(crafted, reader);
            assertTrue(probe.output.contains("refused: "), reader + ": " + probe.output);
            assertTrue(probe.output.contains(reader.equals("gias") ? "has more than 5,000 schools" : "has more than 5,000 rows in its Questions sheet"),
                    reader + ": " + probe.output);
            assertTrue(probe.peakMegabytes < 100, reader + ": " + probe.output);
        }
    }

    @Test
    void aZipBombIsRefusedBeforeAnythingParsesIt() throws Exception {
        byte[] crafted = CraftedXlsx.zipBomb();
        for (String reader : List.of("gias", "banks")) {
            Probe probe = probe(crafted, reader);
            assertTrue(probe.output.contains("once unzipped"), reader + ": " + probe.output);
            assertTrue(probe.peakMegabytes < 100, reader + ": " + probe.output);
        }
    }

    @Test
    void theMostSharedStringsAllowedStillFitWellUnderAHundredMegabytes() throws Exception {
        Probe probe = probe(CraftedXlsx.manySharedStrings(), "gias");
        assertTrue(probe.output.contains("refused: The selected file has a header row but no schools below it"), probe.output);
        assertTrue(probe.peakMegabytes < 100, probe.output);
    }

    private record Probe(String output, long peakMegabytes) {
    }

    private Probe probe(byte[] content, String reader) throws IOException, InterruptedException {
        Path file = Files.write(folder.resolve(reader + ".xlsx"), content);
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx100m", "-XX:+UseSerialGC", "-cp", classpath, UploadHeapProbe.class.getName(), file.toString(), reader)
                .redirectErrorStream(true).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the probe finished");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), output);
        Matcher peak = Pattern.compile("peak heap growth MB: (\\d+)").matcher(output);
        assertTrue(peak.find(), output);
        System.out.println("UploadHeapTest " + reader + ": " + output.replace('\n', ' '));
        return new Probe(output, Long.parseLong(peak.group(1)));
    }
}
