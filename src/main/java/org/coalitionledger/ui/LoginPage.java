package org.coalitionledger.ui;

import org.coalitionledger.security.oidc.SignOnLink;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The login form; Spring Security checks what it posts to {@code /login}. Under the {@code oidc} profile it also
 * links to the single sign-on, and says why one was refused.
 */
@Controller
class LoginPage {

    private final ObjectProvider<SignOnLink> signOn;

    LoginPage(ObjectProvider<SignOnLink> signOn) {
        this.signOn = signOn;
    }

    @GetMapping("/login")
    String login(Model model) {
        signOn.ifAvailable(link -> model.addAttribute("signOn", link));
        return "login";
    }
}
