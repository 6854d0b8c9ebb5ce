package com.deskledger.infra.dashboard;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The self check-in kiosk's page (KIOSK users only; see the README's kiosk section). */
@Controller
class KioskPageController {

    @GetMapping("/kiosk")
    String kiosk() {
        return "forward:/kiosk.html";
    }
}
