package com.deskledger.infra.security;

import com.deskledger.kernel.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Users from configuration, plus the demo users when they are switched on. */
class ConfiguredUsers implements UserDetailsService {

    private static final Logger log = LoggerFactory.getLogger(ConfiguredUsers.class);

    /** Demo users: name (also the password), role, centre. */
    static final List<String[]> DEMO = List.of(
            new String[]{"reception", "RECEPTIONIST", "main"},
            new String[]{"supervisor", "SUPERVISOR", "main"},
            new String[]{"manager", "MANAGER", "main"},
            new String[]{"auditor", "AUDITOR", "main"},
            new String[]{"admin", "ADMIN", "main"},
            new String[]{"reception-east", "RECEPTIONIST", "east"},
            new String[]{"kiosk", "KIOSK", "main"});

    private final Map<String, UserDetails> users = new ConcurrentHashMap<>();

    ConfiguredUsers(DeskSecurityProperties properties, boolean demoUsers, PasswordEncoder encoder) {
        for (DeskSecurityProperties.User user : properties.getUsers()) {
            String hash = user.getPasswordHash().startsWith("{") ? user.getPasswordHash()
                    : "{bcrypt}" + user.getPasswordHash();
            users.put(user.getName(), User.withUsername(user.getName()).password(hash)
                    .authorities(Authorities.of(user.getRoles(), user.getCentres())).build());
        }
        if (demoUsers) {
            for (String[] demo : DEMO) {
                users.putIfAbsent(demo[0], User.withUsername(demo[0]).password(encoder.encode(demo[0]))
                        .authorities(Authorities.of(List.of(Role.valueOf(demo[1])), List.of(demo[2]))).build());
            }
            log.warn("Demo users are on (password = user name): reception, supervisor, manager, auditor, admin, "
                    + "kiosk in centre main; reception-east in centre east. Switch off with deskledger.demo-users=false.");
        }
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserDetails user = users.get(username);
        if (user == null) {
            throw new UsernameNotFoundException("unknown user");
        }
        return User.withUserDetails(user).build();
    }
}
