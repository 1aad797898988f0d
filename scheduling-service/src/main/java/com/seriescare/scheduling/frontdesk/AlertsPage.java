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

/**
 * The clinicians' care alerts: open ones first (urgent on top), each with who was paged, who acknowledged it and who
 * handled it, and when; what the patient wrote or answered. The page an on-call clinician's text links to is one
 * alert of it.
 */
@Controller
class AlertsPage {

    private final Inbox inbox;

    AlertsPage(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/alerts")
    String alerts(Model model) {
        fill(model, inbox.alerts(), null);
        return "frontdesk/alerts";
    }

    @GetMapping("/alerts/{alertId}")
    String alert(@PathVariable String alertId, Model model) {
        fill(model, List.of(inbox.alert(alertId)), alertId);
        return "frontdesk/alerts";
    }

    @PostMapping("/alerts/{alertId}/acknowledge")
    String acknowledge(@PathVariable String alertId, RedirectAttributes redirect) {
        inbox.acknowledge(alertId);
        redirect.addFlashAttribute("notice", "Acknowledged: nobody else will be paged for it.");
        return "redirect:/alerts/" + alertId;
    }

    @PostMapping("/alerts/{alertId}/handled")
    String handled(@PathVariable String alertId, RedirectAttributes redirect) {
        inbox.markHandled(alertId, true);
        redirect.addFlashAttribute("notice", "Marked as handled.");
        return "redirect:/alerts";
    }

    private void fill(Model model, List<InboxItem> alerts, String one) {
        model.addAttribute("alerts", alerts);
        model.addAttribute("names", inbox.namesOf(alerts));
        model.addAttribute("one", one);
    }
}
