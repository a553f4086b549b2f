package org.assure.returns;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.assure.access.CurrentUser;
import org.assure.access.Role;
import org.assure.access.Roles;
import org.assure.banks.BankModel;
import org.assure.banks.QuestionBanks;
import org.assure.cycles.CycleForms;
import org.assure.cycles.CycleService;
import org.assure.organisations.Organisation;
import org.assure.partnerships.Partnership;
import org.assure.testsupport.Fixtures;
import org.assure.testsupport.TestDatabases;

import java.net.URI;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A benchmark, not a test: deadline day on the MySQL-protocol server. The real application runs in-process
 * on a fresh database (sessions in the database, CSRF filter, audit trail, the production pool size);
 * every simulated person signs in over HTTP and saves their organisation's section again and again,
 * changing ten answers each time. Only the save POST is timed. Run it as doc/benchmarks.md says.
 *
 * <p>Arguments (all optional): people, measured seconds, warm-up seconds, pause between a person's saves in ms,
 * people per return (1; with 2, the second person of each school saves its Attendance section at the same time).
 */
public final class DeadlineDayBenchmark {
    static final String BANK = "section-175";
    static final String VERSION = "2025";
    /** The shipped section with the most questions: 12 rating questions, of which the first ten are changed. */
    static final String SECTION = "online-safety";
    static final int CHANGED = 10;
    /** What the second person of a shared return saves: another section, so their answers never clash. */
    static final String OTHER_SECTION = "attendance";

    private DeadlineDayBenchmark() {
    }

    record Settings(int people, int seconds, int warmUpSeconds, int pauseMs, int perReturn) {
        static Settings of(String[] args) {
            int[] v = {200, 60, 10, 0, 1};
            for (int i = 0; i < Math.min(args.length, v.length); i++) {
                v[i] = Integer.parseInt(args[i]);
            }
            if (v[4] < 1 || v[4] > 2) {
                throw new IllegalArgumentException("people per return must be 1 or 2");
            }
            return new Settings(v[0], v[1], v[2], v[3], v[4]);
        }
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.of(args);
        Map<String, Object> properties = new HashMap<>(TestDatabases.mysql().orElseThrow(() ->
                new IllegalStateException("Set ASSURE_TEST_MYSQL_URL, e.g. jdbc:mariadb://127.0.0.1:3306/")));
        // The tests' small pool (5) keeps many test contexts within the server's connections; a deployment
        // runs with application.yml's pool, so the benchmark does too.
        properties.remove("datasources.default.maximum-pool-size");
        int code;
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
            code = run(server, properties, settings);
        }
        System.exit(code); // the database is dropped by TestDatabases' shutdown hook
    }

    private static int run(EmbeddedServer server, Map<String, Object> properties, Settings settings) throws Exception {
        ApplicationContext context = server.getApplicationContext();
        long started = System.nanoTime();
        List<DeadlineDayPerson.Account> accounts = setUp(context, settings.people(), settings.perReturn());
        BankModel.Section section = context.getBean(QuestionBanks.class).get(BANK, VERSION).sections().stream()
                .filter(s -> s.key().equals(SECTION)).findFirst().orElseThrow();
        List<String> keys = section.questions().stream().map(BankModel.Question::key).toList();
        if (keys.size() < CHANGED || section.questions().stream().limit(CHANGED).anyMatch(q -> q.type() != BankModel.QuestionType.RATING)) {
            throw new IllegalStateException(SECTION + " no longer starts with " + CHANGED + " rating questions");
        }
        System.out.printf("Set up %d organisations, leads and returns in %.1f s; pool size %s%n", accounts.size(),
                (System.nanoTime() - started) / 1e9, context.getProperty("datasources.default.maximum-pool-size", String.class).orElse("?"));

        // One HTTP client (its connection pool) for all; each person keeps their own cookies.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        URI base = server.getURI();
        List<DeadlineDayPerson> people = new ArrayList<>();
        List<String> otherKeys = context.getBean(QuestionBanks.class).get(BANK, VERSION).sections().stream()
                .filter(s -> s.key().equals(OTHER_SECTION)).findFirst().orElseThrow().questions().stream().map(BankModel.Question::key).toList();
        for (int i = 0; i < accounts.size(); i++) {
            boolean second = i % settings.perReturn() == 1;
            people.add(second ? new DeadlineDayPerson(http, base, accounts.get(i), OTHER_SECTION, otherKeys, otherKeys.size(), settings.pauseMs())
                    : new DeadlineDayPerson(http, base, accounts.get(i), SECTION, keys, CHANGED, settings.pauseMs()));
        }
        ExecutorService threads = Executors.newFixedThreadPool(settings.people());
        ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
        CountDownLatch ready = new CountDownLatch(settings.people());
        long[] window = new long[2];
        CountDownLatch go = new CountDownLatch(1);
        List<Future<DeadlineDayPerson.Result>> results = new ArrayList<>();
        for (DeadlineDayPerson p : people) {
            results.add(threads.submit(() -> {
                p.signInAndOpen();
                ready.countDown();
                go.await();
                return p.saveUntil(window[0], window[1], errorSamples);
            }));
        }
        ready.await();
        long queriesBefore = questions(properties);
        Optional<CpuShare> cpuBefore = CpuShare.now();
        long now = System.nanoTime();
        window[0] = now + settings.warmUpSeconds() * 1_000_000_000L;
        window[1] = window[0] + settings.seconds() * 1_000_000_000L;
        go.countDown();
        System.out.printf("All %d people signed in; %d s warm-up (not counted), then %d s measured%n",
                settings.people(), settings.warmUpSeconds(), settings.seconds());
        List<DeadlineDayPerson.Result> done = new ArrayList<>();
        for (Future<DeadlineDayPerson.Result> f : results) {
            done.add(f.get());
        }
        threads.shutdown();
        // Clients, server and database share the machine; anything else running skews the figures, so say so.
        cpuBefore.ifPresent(before -> CpuShare.now().ifPresent(after -> System.out.println("during warm-up and run, " + after.since(before))));
        long queries = questions(properties) - queriesBefore;
        report(settings, done, queries, errorSamples);
        return 0;
    }

    /** One partnership, a maintained school for every {@code perReturn} people, each a lead of it, and an open cycle due today. */
    private static List<DeadlineDayPerson.Account> setUp(ApplicationContext context, int people, int perReturn) throws Exception {
        Fixtures fixtures = context.getBean(Fixtures.class);
        CycleService cycles = context.getBean(CycleService.class);
        Partnership partnership = fixtures.partnership();
        Fixtures.Person admin = fixtures.admin(partnership);
        // Two threads: creating accounts hashes passwords, and the machine has two cores.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Map.Entry<Organisation, Fixtures.Person>>> created = new ArrayList<>();
        Organisation school = null;
        for (int i = 0; i < people; i++) {
            if (i % perReturn == 0) {
                school = fixtures.school(partnership);
            }
            Organisation theirs = school;
            created.add(pool.submit(() -> Map.entry(theirs, fixtures.person(partnership, Role.ORGANISATION_LEAD, theirs))));
        }
        List<Map.Entry<Organisation, Fixtures.Person>> leads = new ArrayList<>();
        for (var f : created) {
            leads.add(f.get());
        }
        pool.shutdown();
        CurrentUser adminUser = new CurrentUser(admin.id(), partnership.id(), partnership.name(), admin.email(), "Admin",
                Set.of(Roles.ADMIN), Set.of());
        LocalDate today = cycles.today();
        LocalDate opens = today.minusWeeks(6);
        LocalDate deadline = today;
        long cycleId = cycles.createAndOpen(adminUser, new CycleForms.CycleForm("Deadline day " + Fixtures.next(), BANK + "/" + VERSION,
                "TYPES", List.of("SCHOOL"), List.of(), List.of(), List.of(),
                d(opens), m(opens), y(opens), d(deadline), m(deadline), y(deadline), null, null, null, null, null, null, null));
        return leads.stream().map(e -> new DeadlineDayPerson.Account(e.getValue().email(), Fixtures.PASSWORD,
                cycles.returnOf(cycleId, e.getKey().id()).orElseThrow())).toList();
    }

    private static String d(LocalDate date) {
        return String.valueOf(date.getDayOfMonth());
    }

    private static String m(LocalDate date) {
        return String.valueOf(date.getMonthValue());
    }

    private static String y(LocalDate date) {
        return String.valueOf(date.getYear());
    }

    /** The server's count of statements received, to show how many a save costs (sign-in lookups included). */
    private static long questions(Map<String, Object> properties) throws SQLException {
        try (Connection c = DriverManager.getConnection((String) properties.get("datasources.default.url"),
                (String) properties.get("datasources.default.username"), (String) properties.get("datasources.default.password"));
             ResultSet r = c.createStatement().executeQuery("SHOW GLOBAL STATUS LIKE 'Questions'")) {
            return r.next() ? r.getLong(2) : 0;
        }
    }

    private static void report(Settings settings, List<DeadlineDayPerson.Result> results, long queries, ConcurrentLinkedQueue<String> samples) {
        long saves = results.stream().mapToLong(r -> r.latenciesNanos().length).sum();
        long errors = results.stream().mapToLong(DeadlineDayPerson.Result::errors).sum();
        long all = results.stream().mapToLong(DeadlineDayPerson.Result::allSaves).sum();
        long[] latencies = results.stream().flatMapToLong(r -> Arrays.stream(r.latenciesNanos())).sorted().toArray();
        System.out.printf("people %d (%d per return), measured %d s (after %d s warm-up), pause between saves %d ms%n",
                settings.people(), settings.perReturn(), settings.seconds(), settings.warmUpSeconds(), settings.pauseMs());
        System.out.printf("saves %d, %.1f saves/s; save POST latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms; errors %d%n",
                saves, saves / (double) settings.seconds(), pct(latencies, 50), pct(latencies, 95), pct(latencies, 99),
                latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6, errors);
        System.out.printf("database statements %.1f per save (warm-up, page loads after errors and sign-in lookups included)%n",
                all == 0 ? 0 : queries / (double) all);
        samples.forEach(s -> System.out.println("error sample: " + s));
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(i, sorted.length - 1))] / 1e6;
    }
}
