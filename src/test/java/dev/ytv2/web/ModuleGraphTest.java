package dev.ytv2.web;

import dev.ytv2.support.UnitTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@UnitTest
class ModuleGraphTest {

    @Test
    void findsEveryFormOfStaticImportInSourceOrder() {
        String source = """
                // The entry point.
                import { a } from './a.js';
                import b from "./b.js";
                import * as C from './c.js';
                import {
                  d1,
                  d2,
                } from './d.js';
                import './e.js';
                export { f } from './f.js';
                export * from './g.js';
                import { fromHere } from './h.js';
                """;

        assertThat(ModuleGraph.importsOf(source)).containsExactly("a.js", "b.js", "c.js", "d.js", "e.js", "f.js", "g.js", "h.js");
    }

    @Test
    void leavesOutDynamicImportsAndImportsThatAreOnlyMentioned() {
        String source = """
                import { a } from './a.js';
                const later = () => import('./reader.js');
                const other = import("./manage-images.js");
                // Cards are drawn by renderCard, which cards.js exports; import { x } from './comment.js' is prose.
                const text = "import { y } from './string.js'";
                export function go() { return import('./lazy.js').then((m) => m.run()); }
                """;

        assertThat(ModuleGraph.importsOf(source)).containsExactly("a.js");
    }

    @Test
    void reachableListsEachModuleOnceBreadthFirst() {
        Map<String, String> sources = Map.of(
                "app.js", "import { w } from './wall.js';\nimport { f } from './filters.js';\n",
                "wall.js", "import { c } from './cards.js';\nimport { d } from './dom.js';\n",
                "filters.js", "import { d } from './dom.js';\nimport { app } from './app.js';\n",
                "cards.js", "import { d } from './dom.js';\nconst r = () => import('./reader.js');\n",
                "dom.js", "export const d = 1;\n",
                "reader.js", "import { d } from './dom.js';\n");

        assertThat(ModuleGraph.reachable(java.util.List.of("app.js"), sources))
                .containsExactly("app.js", "wall.js", "filters.js", "cards.js", "dom.js");
    }

    @Test
    void aModuleImportedButNotPresentStopsTheStartUpNamingIt() {
        Map<String, String> sources = Map.of("app.js", "import { w } from './wall.js';\n");

        assertThatThrownBy(() -> ModuleGraph.reachable(java.util.List.of("app.js"), sources))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("wall.js");
    }
}
