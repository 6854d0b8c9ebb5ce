package com.deskledger.infra.dashboard;

import com.deskledger.kernel.Actor;
import com.deskledger.kernel.CentreCatalog;
import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.Role;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.List;
import java.util.Map;

/** The login page, the logged-in user as the page needs it, and the stream of change notices. */
@Controller
class DashboardController {

    private final ChangeNotices notices;
    private final CentreCatalog centres;

    DashboardController(ChangeNotices notices, CentreCatalog centres) {
        this.notices = notices;
        this.centres = centres;
    }

    @GetMapping("/login")
    String login() {
        return "forward:/login.html";
    }

    /** The user's name, roles and centres (with their time zones), for the page's menus and pickers. */
    @GetMapping(value = "/app/me", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Me me(@RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        List<Map<String, String>> mine = actor.centres().stream().map(CentreId::toString).sorted()
                .map(id -> Map.of("id", id, "zone", centres.zoneOf(CentreId.of(id)).getId())).toList();
        return new Me(actor.user().toString(), actor.roles().stream().map(Role::name).sorted().toList(), mine);
    }

    @GetMapping(value = "/app/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        return notices.subscribe(actor);
    }

    record Me(String user, List<String> roles, List<Map<String, String>> centres) {
    }
}
