package votes.infra.test.browser;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One page of headless Chromium, driven from a test step by step: open a URL, wait until a script in the
 * page holds, read the DOM, click, take a screenshot. Behind it runs a small playwright-core script under
 * node (one JSON command per line on its stdin, one reply per line on its stdout), so the test keeps the
 * order of events in Java: e.g. cast votes through the API only once the page shows the poll live.
 * playwright-core comes from npm into the given folder on first use; the browser is Debian's {@link Chromium}.
 */
public final class HeadlessPage implements AutoCloseable {

    private static final String DRIVER_FILE = "page-driver.mjs";
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** Beyond a command's own timeout, how long node may take to answer before we call it hung. */
    private static final Duration SLACK = Duration.ofSeconds(30);
    private static final JsonObject GONE = new JsonObject();

    private final Process node;
    private final BufferedWriter commands;
    private final BlockingQueue<JsonObject> replies = new LinkedBlockingQueue<>();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private long lastId;

    private HeadlessPage(Process node) {
        this.node = node;
        this.commands = new BufferedWriter(new OutputStreamWriter(node.getOutputStream(), StandardCharsets.UTF_8));
        Thread reader = new Thread(this::readOutput, "headless-page-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts Chromium with an empty page (Chromium itself must be there: check {@link Chromium#unavailable()}
     * first, to skip rather than fail where it cannot be installed).
     *
     * @param workDir a folder under target/ for playwright-core and the driver script, kept between runs
     */
    public static HeadlessPage launch(Path workDir) throws IOException, InterruptedException {
        Path dir = workDir.toAbsolutePath();
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(DRIVER_FILE), DRIVER);
        if (!Files.isDirectory(dir.resolve("node_modules/playwright-core"))) {
            Files.writeString(dir.resolve("package.json"), "{\"private\":true,\"type\":\"module\"}\n");
            Commands.run(dir, 300, "npm", "install", "--no-audit", "--no-fund", "--loglevel=error", "playwright-core@1");
        }
        // Its own pipes only (see Commands): stdin/stdout carry our JSON lines, stderr is copied to the log.
        Process node = new ProcessBuilder("node", DRIVER_FILE).directory(dir.toFile()).start();
        Commands.copyToLog(node.getErrorStream(), "node");
        HeadlessPage page = new HeadlessPage(node);
        try {
            page.call(new JsonObject().put("op", "ready"), Duration.ofSeconds(30));
        } catch (RuntimeException | Error e) {
            page.close();
            throw e;
        }
        return page;
    }

    public void open(String url) {
        call(new JsonObject().put("op", "open").put("url", url), Duration.ofSeconds(30));
    }

    /** Waits until a JavaScript expression is truthy in the page (checked every 100 ms). */
    public void waitUntil(String expression, Duration timeout) {
        call(new JsonObject().put("op", "waitUntil").put("expression", expression), timeout);
    }

    /** The value of a JavaScript expression in the page: a String, Number, Boolean, null or a vert.x JSON type. */
    public Object evaluate(String expression) {
        return call(new JsonObject().put("op", "evaluate").put("expression", expression), DEFAULT_TIMEOUT);
    }

    /** The text content of the first element matching a CSS selector (waits for it to exist). */
    public String text(String selector) {
        return (String) call(new JsonObject().put("op", "text").put("selector", selector), DEFAULT_TIMEOUT);
    }

    public void click(String selector) {
        call(new JsonObject().put("op", "click").put("selector", selector), DEFAULT_TIMEOUT);
    }

    /** A PNG of the whole page. */
    public void screenshot(Path file) throws IOException {
        Path path = file.toAbsolutePath();
        Files.createDirectories(path.getParent());
        call(new JsonObject().put("op", "screenshot").put("path", path.toString()), DEFAULT_TIMEOUT);
    }

    /** What the page wrote to its console and the errors it threw, so far. */
    public List<String> log() {
        return List.copyOf(log);
    }

    @Override
    public void close() {
        try {
            commands.write(new JsonObject().put("op", "close").encode());
            commands.newLine();
            commands.close();
        } catch (IOException alreadyGone) {
            // node has exited; nothing to tell it
        }
        try {
            if (!node.waitFor(20, TimeUnit.SECONDS)) {
                node.destroyForcibly(); // playwright's Chromium dies with its node parent
            }
        } catch (InterruptedException e) {
            node.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private synchronized Object call(JsonObject command, Duration timeout) {
        String what = command.getString("op") + Stream.of("url", "expression", "selector", "path")
                .map(command::getString).filter(Objects::nonNull).map(argument -> " " + argument).findFirst().orElse("");
        long id = ++lastId;
        command.put("id", id).put("timeoutMs", timeout.toMillis());
        JsonObject reply;
        try {
            commands.write(command.encode());
            commands.newLine();
            commands.flush();
            reply = replies.poll(timeout.plus(SLACK).toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException("browser driver gone before " + what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + what, e);
        }
        if (reply == null) {
            throw new IllegalStateException("browser driver did not answer " + what + " in " + timeout.plus(SLACK));
        }
        if (reply == GONE) {
            replies.add(GONE); // every later call fails fast too
            throw new IllegalStateException("browser driver exited before answering " + what + "; page log: " + log);
        }
        if (reply.getLong("id") != id) {
            throw new IllegalStateException("browser driver answered " + reply.getLong("id") + " to " + id);
        }
        if (!reply.getBoolean("ok", false)) {
            throw new AssertionError("in the browser, " + what + ": " + reply.getString("error") + "\npage log: " + log);
        }
        return reply.getValue("value");
    }

    private void readOutput() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                JsonObject message;
                try {
                    message = new JsonObject(line);
                } catch (DecodeException notOurs) {
                    System.out.println("[browser] " + line);
                    continue;
                }
                if (message.containsKey("id")) {
                    replies.add(message);
                } else {
                    log.add(message.getString("log"));
                    System.out.println("[browser] " + message.getString("log"));
                }
            }
        } catch (IOException e) {
            System.out.println("[browser] output lost: " + e);
        } finally {
            replies.add(GONE);
        }
    }

    /**
     * The node side. Flags as Debian's Chromium needs them here: no sandbox (root), and no background
     * networking, whose connections this machine's closed network refuses by the dozen.
     */
    private static final String DRIVER = """
            // Written by votes.infra.test.browser.HeadlessPage: one headless Chromium page, one JSON command per
            // stdin line, one JSON reply per stdout line; the page's console and errors as {"log": ...} lines.
            import { chromium } from 'playwright-core';
            import { createInterface } from 'node:readline';

            const send = (message) => process.stdout.write(JSON.stringify(message) + '\\n');
            const browser = await chromium.launch({
              executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
              args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
                '--disable-component-update', '--disable-sync', '--no-first-run'],
            });
            const context = await browser.newContext({ viewport: { width: 900, height: 640 }, locale: 'en-US' });
            const page = await context.newPage();
            page.on('console', (m) => send({ log: m.type() + ': ' + m.text() }));
            page.on('pageerror', (e) => send({ log: 'pageerror: ' + e.message }));

            const ops = {
              ready: async () => null,
              open: async (c) => { await page.goto(c.url, { timeout: c.timeoutMs }); return null; },
              // Polled from here, not with page.waitForFunction: that one evals the string inside the page, which the
              // gateway's Content-Security-Policy (no 'unsafe-eval') refuses; page.evaluate goes through DevTools.
              waitUntil: async (c) => {
                const deadline = Date.now() + c.timeoutMs;
                // A page that navigates (a sign-in's redirects) destroys the context an evaluation runs in: that
                // is "not yet", asked again on the next page.
                const holds = () => page.evaluate(c.expression).catch((e) => {
                  if (/context was destroyed|navigat/i.test(String(e.message))) return false;
                  throw e;
                });
                while (!(await holds())) {
                  if (Date.now() > deadline) throw new Error('timed out after ' + c.timeoutMs + ' ms: ' + c.expression);
                  await new Promise((resolve) => setTimeout(resolve, 100));
                }
                return null;
              },
              evaluate: async (c) => page.evaluate(c.expression),
              text: async (c) => page.textContent(c.selector, { timeout: c.timeoutMs }),
              click: async (c) => { await page.click(c.selector, { timeout: c.timeoutMs }); return null; },
              screenshot: async (c) => { await page.screenshot({ path: c.path, fullPage: true, timeout: c.timeoutMs }); return null; },
            };
            for await (const line of createInterface({ input: process.stdin })) {
              const c = JSON.parse(line);
              if (c.op === 'close') break;
              try {
                send({ id: c.id, ok: true, value: (await ops[c.op](c)) ?? null });
              } catch (e) {
                send({ id: c.id, ok: false, error: String(e.message || e) });
              }
            }
            await browser.close();
            """;
}
