package org.coalitionledger.ui;

import org.coalitionledger.transfer.ImportRuns;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The imports of this node ({@code POST /api/import}): the running one with a progress bar that the page's script
 * keeps up to date while it runs, and the last that ended with their answers.
 */
@Controller
class ImportsPage {

    private final ImportRuns runs;

    ImportsPage(ImportRuns runs) {
        this.runs = runs;
    }

    @GetMapping("/imports")
    String imports(Model model) {
        model.addAttribute("imports", runs.all().stream().map(ImportRuns.Run::progress).toList());
        model.addAttribute("running", runs.running().isPresent());
        return "imports";
    }
}
