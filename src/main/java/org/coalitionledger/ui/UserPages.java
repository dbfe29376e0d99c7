package org.coalitionledger.ui;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.coalitionledger.common.Rejection;
import org.coalitionledger.security.Role;
import org.coalitionledger.security.user.PasswordRules;
import org.coalitionledger.security.user.Sessions;
import org.coalitionledger.security.user.UserAccounts;
import org.coalitionledger.security.user.UserAccounts.Actor;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The users page for ADMIN ({@code /admin/users}: list, create, enable, disable, reset a password) and the page on
 * which every user changes their own password ({@code /account/password}), over the same service as the API.
 * A one-time password is shown once, on the page that made it.
 */
@Controller
class UserPages {

    private static final String CHANNEL = "web";

    private final UserAccounts accounts;
    private final Sessions sessions;

    UserPages(UserAccounts accounts, Sessions sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    /** The create form as typed. */
    record UserForm(String name, List<String> roles) {
    }

    /** A password just made, to show once. */
    record Issued(String user, String oneTimePassword) {
    }

    @GetMapping("/admin/users")
    String users(Model model) {
        return usersPage(model, new UserForm("", List.of()), Map.of(), null);
    }

    @PostMapping("/admin/users")
    String create(@RequestParam(defaultValue = "") String name,
                  @RequestParam(required = false) List<String> roles, Authentication caller, Model model,
                  HttpServletResponse response) {
        UserForm form = new UserForm(name.strip(), roles == null ? List.of() : roles);
        try {
            String password = accounts.create(actor(caller), form.name(), form.roles());
            return usersPage(model, new UserForm("", List.of()), Map.of(), new Issued(form.name(), password));
        } catch (Rejection rejection) {
            response.setStatus(rejection.reason() == Rejection.Reason.CONFLICT ? 409 : 400);
            return usersPage(model, form, Map.of(rejection.field(), rejection.getMessage()), null);
        }
    }

    @PostMapping("/admin/users/{name}/enabled")
    String enable(@PathVariable String name, @RequestParam boolean enabled, Authentication caller, Model model,
                  RedirectAttributes flash, HttpServletResponse response) {
        try {
            accounts.change(actor(caller), name, null, enabled);
        } catch (Rejection rejection) {
            response.setStatus(rejection.reason() == Rejection.Reason.CONFLICT ? 409 : 400);
            return usersPage(model, new UserForm("", List.of()), Map.of("user", rejection.getMessage()), null);
        }
        flash.addFlashAttribute("recorded", "User " + name + (enabled ? " enabled." : " disabled."));
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/{name}/password-reset")
    String reset(@PathVariable String name, Authentication caller, Model model) {
        String password = accounts.resetPassword(actor(caller), name);
        return usersPage(model, new UserForm("", List.of()), Map.of(), new Issued(name, password));
    }

    private String usersPage(Model model, UserForm form, Map<String, String> errors, Issued issued) {
        model.addAttribute("users", accounts.users());
        model.addAttribute("roles", List.of(Role.values()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("issued", issued);
        return "users";
    }

    @GetMapping("/account/password")
    String password(Authentication caller, Model model) {
        return passwordPage(caller, model, Map.of());
    }

    @PostMapping("/account/password")
    String changePassword(@RequestParam(defaultValue = "") String current,
                          @RequestParam(name = "new", defaultValue = "") String next,
                          @RequestParam(defaultValue = "") String confirm, Authentication caller, Model model,
                          RedirectAttributes flash, HttpServletRequest request, HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!next.equals(confirm)) {
            errors.put("confirm", "the two new passwords differ");
        } else {
            try {
                accounts.changePassword(new Actor(caller.getName(), CHANNEL), current, next);
            } catch (Rejection rejection) {
                errors.put(rejection.field(), rejection.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            response.setStatus(400);
            return passwordPage(caller, model, errors);
        }
        sessions.signInAgain(caller.getName(), request, response);
        flash.addFlashAttribute("recorded", "Your password was changed.");
        return "redirect:/account/password";
    }

    private String passwordPage(Authentication caller, Model model, Map<String, String> errors) {
        model.addAttribute("account", accounts.user(caller.getName()));
        model.addAttribute("minLength", PasswordRules.MIN_LENGTH);
        model.addAttribute("errors", errors);
        return "password";
    }

    private static Actor actor(Authentication caller) {
        return new Actor(caller.getName(), CHANNEL);
    }
}
