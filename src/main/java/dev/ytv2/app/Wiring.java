package dev.ytv2.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ytv2.content.AudioUploadRoutes;
import dev.ytv2.content.FacetStore;
import dev.ytv2.content.HtmlSanitizer;
import dev.ytv2.content.IngestRoutes;
import dev.ytv2.content.NewReportHook;
import dev.ytv2.content.ReportJson;
import dev.ytv2.content.ReportRoutes;
import dev.ytv2.content.ReportStore;
import dev.ytv2.content.ReportWriter;
import dev.ytv2.content.ReprocessRoutes;
import dev.ytv2.db.Database;
import dev.ytv2.events.EventFeed;
import dev.ytv2.events.EventHub;
import dev.ytv2.events.EventLog;
import dev.ytv2.events.EventRoutes;
import dev.ytv2.events.StreamLimits;
import dev.ytv2.files.ExportRoutes;
import dev.ytv2.files.FileReferences;
import dev.ytv2.files.FileStore;
import dev.ytv2.files.FileSweeper;
import dev.ytv2.files.LocalFileStore;
import dev.ytv2.files.S3FileStore;
import dev.ytv2.files.ServerUploadStore;
import dev.ytv2.content.IndexChangeLog;
import dev.ytv2.http.ClientAddress;
import dev.ytv2.http.Json;
import dev.ytv2.images.ImageDocument;
import dev.ytv2.images.ImageMode;
import dev.ytv2.images.ImageRoutes;
import dev.ytv2.images.ImageStore;
import dev.ytv2.images.UploadRoutes;
import dev.ytv2.images.VariantPurger;
import dev.ytv2.images.VariantStore;
import dev.ytv2.jobs.JobStore;
import dev.ytv2.render.AutoPrompts;
import dev.ytv2.render.JobRoutes;
import dev.ytv2.render.RenderRequests;
import dev.ytv2.render.RenderWorker;
import dev.ytv2.render.backend.Backends;
import dev.ytv2.render.prompt.PromptBuilder;
import dev.ytv2.semantic.BuiltinEmbeddings;
import dev.ytv2.semantic.EmbedWorker;
import dev.ytv2.semantic.EmbeddingProvider;
import dev.ytv2.semantic.EmbeddingStore;
import dev.ytv2.semantic.GraphVectorIndex;
import dev.ytv2.semantic.InMemoryVectors;
import dev.ytv2.semantic.Neighbours;
import dev.ytv2.semantic.OpenAiEmbeddings;
import dev.ytv2.semantic.PgVector;
import dev.ytv2.semantic.PgVectorIndex;
import dev.ytv2.semantic.SemanticConfig;
import dev.ytv2.semantic.SemanticIndex;
import dev.ytv2.semantic.SemanticRoutes;
import dev.ytv2.semantic.SemanticSearch;
import dev.ytv2.semantic.VectorIndex;
import dev.ytv2.web.App;
import dev.ytv2.web.Auth;
import dev.ytv2.web.HealthRoutes;
import dev.ytv2.web.ServerSecrets;
import dev.ytv2.web.SessionRoutes;
import dev.ytv2.web.SessionStore;
import dev.ytv2.web.StaticAssets;
import dev.ytv2.web.TokenGuessLimiter;
import io.javalin.Javalin;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;

/** The single place where the parts are wired: the stores over one database, the server, the workers. */
public final class Wiring {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Wiring.class);

    private Wiring() {
    }

    /** A running server and what it owns, closed in reverse order of start. */
    public record Running(Javalin javalin, Database database, Services services, Optional<RenderWorker> worker,
                          List<AutoCloseable> background)
            implements AutoCloseable {
        public int port() {
            return javalin.port();
        }

        @Override
        public void close() {
            worker.ifPresent(RenderWorker::close);
            for (AutoCloseable b : background) {
                try {
                    b.close();
                } catch (Exception e) {
                    System.err.println("while stopping: " + e);
                }
            }
            javalin.stop();
            services.facets().close();
            database.close();
        }
    }

    /** The stores and writers over one database, shared by the server, the importer and tools. */
    public record Services(ObjectMapper mapper, EventLog events, ReportStore reports, ReportWriter writer,
                           FacetStore facets, FileStore files, JobStore jobs, RenderRequests renderRequests,
                           ImageDocument images, EmbeddingStore embeddings, ReportJson json) {
    }

    public static Services services(Config config, Database db) {
        ObjectMapper mapper = Json.mapper();
        EventLog events = new EventLog(db.jdbi(), mapper);
        ImageDocument images = new ImageDocument();
        ReportJson json = new ReportJson(mapper, new HtmlSanitizer(), images);
        JobStore jobs = new JobStore(db.jdbi());
        RenderRequests requests = new RenderRequests(db.jdbi(), jobs, events);
        NewReportHook onCreated = config.autoImages()
                ? new AutoPrompts(new PromptBuilder(), images, requests, mapper) : NewReportHook.NONE;
        FileStore files = fileStore(config);
        ReportStore reports = new ReportStore(db.jdbi(), db.dataSource());
        return new Services(mapper, events, reports,
                new ReportWriter(db.jdbi(), events, onCreated, new FileReferences(files), images),
                new FacetStore(db.jdbi()), files, jobs, requests, images, new EmbeddingStore(db.jdbi()), json);
    }

    /** The configured file store (YTV2_STORAGE): the data directory, an S3 bucket, or a server's upload API. */
    public static FileStore fileStore(Config config) {
        Config.Storage storage = config.storage();
        return switch (storage.kind()) {
            case Config.Storage.S3 -> new S3FileStore(storage.s3(storage.s3Location().orElseThrow()));
            case Config.Storage.SERVER -> new ServerUploadStore(storage.serverUrl().orElseThrow(), config.ingestToken()
                    .orElseThrow(() -> new IllegalArgumentException("YTV2_STORAGE=server needs INGEST_TOKEN, the token the server's uploads take")));
            default -> new LocalFileStore(config.imagesDir(), config.audioDir(), config.exportsDir());
        };
    }

    /**
     * The writer the demo seeding imports with: its automatic images are background work drawn by
     * YTV2_DEMO_IMAGE_BACKENDS (builtin unless told otherwise), whatever the worker has configured.
     */
    public static ReportWriter demoWriter(Config config, Database db, Services s) {
        NewReportHook onCreated = config.autoImages()
                ? new AutoPrompts(new PromptBuilder(), s.images(), s.renderRequests(), s.mapper(),
                        String.join(",", config.demoImageBackends()))
                : NewReportHook.NONE;
        return new ReportWriter(db.jdbi(), s.events(), onCreated, new FileReferences(s.files()), s.images());
    }

    /** A render worker over this database with the configured backends (not started). */
    public static RenderWorker renderWorker(Config config, Database db, Services s, String name) {
        return RenderWorker.create(name, new RenderWorker.Deps(db.jdbi(), db.url(), s.jobs(), s.renderRequests(), s.files(),
                        s.events(), s.images(), s.mapper()),
                Backends.fromConfig(config.imageBackends(), config.render(), s.mapper()), config.render());
    }

    /** The configured embedding provider; empty when YTV2_EMBEDDINGS=off. */
    public static Optional<EmbeddingProvider> embeddingProvider(Config config, ObjectMapper mapper) {
        SemanticConfig c = config.semantic();
        return switch (c.provider()) {
            case SemanticConfig.BUILTIN -> Optional.of(new BuiltinEmbeddings(c.batchSize()));
            case SemanticConfig.OPENAI -> Optional.of(OpenAiEmbeddings.fromConfig(c, mapper));
            default -> Optional.empty();
        };
    }

    /** An embedding worker over this database (not started). */
    public static EmbedWorker embedWorker(Config config, Database db, Services s, EmbeddingProvider provider, String name) {
        return new EmbedWorker(name, new EmbedWorker.Deps(db.jdbi(), s.jobs(), s.embeddings(), s.events(), s.mapper()),
                provider, config.semantic());
    }

    public static Running startServer(Config config) {
        return startServer(config, false);
    }

    public static Running startServer(Config config, boolean withWorker) {
        Database db = Database.open(config.databaseUrl(), config.dataDir(), 20);
        try {
            Services s = services(config, db);
            ClientAddress clients = new ClientAddress(config.trustedProxies());
            Auth auth = new Auth(config.adminToken(), config.ingestToken(), config.readToken(), config.upstream().syncSecret(),
                    new SessionStore(db.jdbi()), ServerSecrets.get(db.jdbi(), "session-cookie"),
                    new TokenGuessLimiter(Clock.systemUTC(), 10, 60), clients);
            EventHub hub = new EventHub(s.events(), EventHub.Settings.defaults());
            Optional<EmbeddingProvider> provider = embeddingProvider(config, s.mapper());
            PgVector.detect(db.jdbi()).ifPresent(note -> LOG.info(note));
            Optional<PgVectorIndex> pgvector = provider.flatMap(p -> PgVectorIndex.install(s.embeddings(), p.model(), p.dimensions()));
            List<AutoCloseable> semanticThreads = new ArrayList<>();
            Optional<SemanticIndex> memory = pgvector.isPresent() ? Optional.empty()
                    : provider.map(p -> new SemanticIndex(s.embeddings(), p.model(),
                            inMemoryVectors(config.semantic(), p.dimensions(), semanticThreads), s.mapper()));
            memory.ifPresent(i -> hub.follow(i::onEvent));
            EventFeed feed = new EventFeed(db.url(), s.events(), hub).start();
            // Read after the feed started, so no vector committed meanwhile is missed; the server
            // answers at once and its semantic searches say "still loading" until this is done.
            memory.ifPresent(i -> daemon("semantic-index-load", i::load).start());
            Optional<? extends Neighbours> index = pgvector.isPresent() ? pgvector : memory;
            VariantPurger purger = new VariantPurger(db.jdbi(), s.events(), s.files(), s.images(), config.variantRetention())
                    .start(Duration.ofHours(1));
            FileSweeper unreferenced = new FileSweeper(db.jdbi(), s.files(), sweptFolders(), s.jobs()::oldestRunningRenderStart,
                    config.uploadGrace(), Clock.systemUTC()).start(Duration.ofHours(1));
            IndexChangeLog indexChanges = new IndexChangeLog(db.jdbi(), Duration.ofMinutes(10)).start();
            ReportRoutes reportRoutes = new ReportRoutes(s.reports(), s.facets(), s.json(), s.writer(), s.files(), s.mapper());
            App app = new App(new App.Parts(s.mapper(), auth, config.maxUploadBytes(),
                    reportRoutes,
                    new IngestRoutes(s.writer(), s.files(), s.mapper(), config.maxUploadBytes() * 5),
                    new ExportRoutes(s.files()),
                    new HealthRoutes(db.jdbi(), s.mapper(), new HealthRoutes.Deployment(config.ingestToken().isPresent(),
                            config.adminToken().isPresent(), config.databaseUrl().isPresent(), config.upstream().deployCommit(),
                            config.upstream().deployBranch())),
                    new SessionRoutes(auth, s.mapper(), config.secureCookies()),
                    StaticAssets.load(),
                    new ImageRoutes(new ImageStore(db.jdbi(), s.mapper(), s.events(), s.images(), s.renderRequests()),
                            new VariantStore(db.jdbi(), s.mapper(), s.events(), s.images()), s.mapper()),
                    new UploadRoutes(s.files(), s.mapper(), config.maxUploadBytes()),
                    new JobRoutes(s.jobs(), s.renderRequests(), s.reports(), s.mapper()),
                    new EventRoutes(hub, new StreamLimits(new StreamLimits.Settings(config.maxStreams(), config.maxStreamsPerClient(), 4)),
                            clients),
                    new AudioUploadRoutes(s.files(), db.jdbi(), s.mapper(), config.maxUploadBytes() * 5),
                    new ReprocessRoutes(config.upstream().backendApiUrl(), config.adminToken(), s.reports(), s.mapper(),
                            config.upstream().reprocessTimeout()),
                    new SemanticRoutes(new SemanticRoutes.Deps(reportRoutes, s.reports(), s.embeddings(), s.jobs(), s.mapper()),
                            new SemanticSearch(s.reports(), db.jdbi(), index, provider, config.semantic().queryCache()), config.semantic().provider(),
                            provider.map(EmbeddingProvider::model).orElse("none"))));
            Optional<RenderWorker> worker = withWorker ? Optional.of(renderWorker(config, db, s, "render")) : Optional.empty();
            Optional<EmbedWorker> embedder = withWorker ? provider.map(p -> embedWorker(config, db, s, p, "embed")) : Optional.empty();
            LOG.info("files: {}", s.files().describe());
            Javalin javalin = app.javalin().start(config.port());
            worker.ifPresent(RenderWorker::start);
            embedder.ifPresent(EmbedWorker::start);
            List<AutoCloseable> background = new ArrayList<>();
            embedder.ifPresent(background::add);
            background.addAll(List.of(purger, unreferenced, indexChanges, feed, hub));
            background.addAll(semanticThreads);
            return new Running(javalin, db, s, worker, background);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Where files are stored before the commit that names them: uploads, and each mode's renders. */
    public static List<String> sweptFolders() {
        List<String> folders = new ArrayList<>(FileSweeper.uploadFolders());
        for (ImageMode mode : ImageMode.values()) folders.add(FileStore.IMAGES_URL + mode.wire() + "/");
        return folders;
    }

    public static String generatedToken() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** The in-process vectors YTV2_SEMANTIC_INDEX asks for; the graph's build threads end with the server. */
    private static InMemoryVectors inMemoryVectors(SemanticConfig c, int dimensions, List<AutoCloseable> closing) {
        if (SemanticConfig.EXACT.equals(c.index())) return new VectorIndex(dimensions);
        ForkJoinPool pool = GraphVectorIndex.buildPool();
        closing.add(pool::shutdownNow);
        return new GraphVectorIndex(dimensions, c.graph(), pool);
    }

    private static Thread daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
