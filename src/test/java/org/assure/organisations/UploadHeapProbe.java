package org.assure.organisations;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assure.banks.BankWorkbook;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads one uploaded file in a JVM of its own, so that its heap can be bounded (-Xmx) and measured
 * without the test JVM's own garbage: {@code UploadHeapProbe <file> gias|banks|dom}. Prints the outcome
 * and the peak heap in use above the heap in use before reading. "dom" reads it the way the uploads were
 * read before issue 9 (a whole XSSFWorkbook), for the figure in doc/benchmarks.md.
 */
public final class UploadHeapProbe {
    public static void main(String[] args) throws Exception {
        byte[] content = Files.readAllBytes(Path.of(args[0]));
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(before);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long start = System.nanoTime();
        String outcome;
        switch (args[1]) {
            case "gias" -> {
                try {
                    outcome = "read " + GiasReader.read("schools.xlsx", content).size() + " rows";
                } catch (ImportFileException e) {
                    outcome = "refused: " + e.getMessage();
                }
            }
            case "banks" -> {
                BankWorkbook.Import result = BankWorkbook.read(content, List.of());
                outcome = result.ok() ? "read" : "refused: " + result.problems().get(0).message();
            }
            default -> {
                try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
                    outcome = "read " + workbook.getSheetAt(0).getLastRowNum() + " rows";
                }
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        sampler.interrupt();
        System.out.println(outcome);
        System.out.println("peak heap growth MB: " + (peak.get() - before) / (1024 * 1024));
        System.out.println("time ms: " + millis);
    }
}
