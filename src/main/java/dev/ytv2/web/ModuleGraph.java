package dev.ytv2.web;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The static import graph of the UI's ES modules, read from their text: which modules a page needs
 * before its scripts can run, so the index page can announce them all at once (modulepreload)
 * instead of the browser discovering them one level of imports per round trip. A dynamic
 * `import()` is left out on purpose: what it loads is not on the first paint's path.
 */
final class ModuleGraph {
    // `import x from './a.js'`, `import {a, b} from "./a.js"` (over several lines), `import './a.js'`,
    // `export {a} from './a.js'`, `export * from './a.js'`; at the start of a line, so an import in a
    // comment's prose or a string is not taken for one. The UI's modules sit in one folder, so a
    // `./name.js` names a file of it.
    private static final Pattern STATIC_IMPORT = Pattern.compile(
            "^[ \\t]*(?:import[ \\t]*(?:[\\w*{$][^;'\"()]*?from[ \\t]*)?|export[ \\t]*(?:\\*|\\{)[^;'\"()]*?from[ \\t]*)['\"]\\./([\\w-]+\\.js)['\"]",
            Pattern.MULTILINE);

    private ModuleGraph() {
    }

    /** The relative specifiers `./x.js` a module imports statically, in source order. */
    static List<String> importsOf(String source) {
        List<String> out = new ArrayList<>();
        Matcher m = STATIC_IMPORT.matcher(source);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    /**
     * Every module reachable from `entries` through static imports, breadth first (the entries, then
     * what they import, ...), so the modules the browser needs first are asked for first. A module
     * missing from `sources` is a bug in the UI's files and stops the start-up.
     */
    static List<String> reachable(List<String> entries, Map<String, String> sources) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(entries);
        while (!queue.isEmpty()) {
            String module = queue.removeFirst();
            if (!seen.add(module)) continue;
            String source = sources.get(module);
            if (source == null) throw new IllegalStateException("The UI imports a module it does not have: " + module);
            queue.addAll(importsOf(source));
        }
        return List.copyOf(seen);
    }
}
