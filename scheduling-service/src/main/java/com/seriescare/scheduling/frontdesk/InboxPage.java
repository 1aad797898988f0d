package com.seriescare.scheduling.frontdesk;

import com.seriescare.scheduling.inbox.Inbox;
import com.seriescare.scheduling.inbox.InboxItem;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Care alerts and replies that need a person: urgent ones on top, then the newest; each marked handled by whom. */
@Controller
class InboxPage {

    private final Inbox inbox;

    InboxPage(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/inbox")
    String inbox(Model model) {
        fill(model);
        return "frontdesk/inbox";
    }

    /** Just the list, for the page to refresh itself. */
    @GetMapping("/inbox/list")
    String list(Model model) {
        fill(model);
        return "frontdesk/inbox :: items";
    }

    /** How many wait, for every page's navigation to refresh (see {@code frontdesk/parts :: inbox-count}). */
    @GetMapping("/inbox/count")
    String count() {
        return "frontdesk/parts :: inbox-count";
    }

    @PostMapping("/inbox/{itemId}/handled")
    String handled(@PathVariable String itemId, RedirectAttributes redirect) {
        inbox.markHandled(itemId, false);
        redirect.addFlashAttribute("notice", "Marked as handled.");
        return "redirect:/inbox";
    }

    private void fill(Model model) {
        List<InboxItem> items = inbox.items();
        model.addAttribute("items", items);
        model.addAttribute("names", inbox.namesOf(items));
    }
}
