package org.kesra.console.home.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page after login (the menu shows what the user's roles allow) and the page after logging out. */
@Controller
public class HomePage {

    @GetMapping("/")
    String home() {
        return "home";
    }

    @GetMapping("/keluar-selesai")
    String loggedOut() {
        return "logged-out";
    }
}
