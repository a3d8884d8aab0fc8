package org.imrplatform.account;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.core.annotation.Order;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Writes a session's last activity to the database at most once a {@link #RESOLUTION}, not on every request.
 * Spring Session stamps every request's session with the time and then saves it, so each page a signed-in person
 * opened cost a database write and a commit before anything else. Now a session whose only change is that stamp,
 * less than a minute after the stored one, is not written: an idle session may end up to a minute before its idle
 * timeout (60 minutes), never later. Attributes, a new id at sign-in and new sessions are saved as before.
 * <p>
 * Spring Session also looks the session up a second time at the end of a request whose response was already sent
 * (every page longer than the response buffer): within one request, the session found first is handed out again.
 */
@Component
class SessionActivity implements BeanPostProcessor {

    static final Duration RESOLUTION = Duration.ofMinutes(1);

    /** The session a request found, kept while {@link OneLookupPerRequest} runs the request on this thread. */
    private record Found(String id, Session session) {
    }

    private static final ThreadLocal<Found> FOUND = new ThreadLocal<>();
    private static final Found NOTHING_YET = new Found("", null);

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof JdbcIndexedSessionRepository sessions ? new Sessions(sessions) : bean;
    }

    /** The database's sessions, handing out sessions that keep a recent stamp to themselves. */
    static final class Sessions implements FindByIndexNameSessionRepository<Session>, DisposableBean {

        private final JdbcIndexedSessionRepository stored;
        private final FindByIndexNameSessionRepository<Session> database;

        @SuppressWarnings("unchecked")
        Sessions(JdbcIndexedSessionRepository stored) {
            this.stored = stored;
            // Spring Session's own session class is not public: its sessions are handled as plain Sessions.
            this.database = (FindByIndexNameSessionRepository<Session>) (FindByIndexNameSessionRepository<?>) stored;
        }

        @Override
        public Session createSession() {
            return database.createSession();
        }

        @Override
        public void save(Session session) {
            database.save(session instanceof Stamped stamped ? stamped.session : session);
        }

        @Override
        public Session findById(String id) {
            Found found = FOUND.get();
            if (found != null && found.id().equals(id)) {
                return found.session();
            }
            Session session = database.findById(id);
            Stamped stamped = session == null ? null : new Stamped(session);
            if (found != null) {
                FOUND.set(new Found(id, stamped));
            }
            return stamped;
        }

        @Override
        public void deleteById(String id) {
            FOUND.remove();
            database.deleteById(id);
        }

        @Override
        public Map<String, Session> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            return database.findByIndexNameAndIndexValue(indexName, indexValue);
        }

        @Override
        public void destroy() {
            stored.destroy();
        }
    }

    /** Marks where a request begins and ends for the lookup kept in {@link #FOUND}: just outside Spring Session. */
    @Component
    @Order(SessionRepositoryFilter.DEFAULT_ORDER - 1)
    static class OneLookupPerRequest extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            FOUND.set(NOTHING_YET);
            try {
                chain.doFilter(request, response);
            } finally {
                FOUND.remove();
            }
        }
    }

    /** A stored session that takes a new activity stamp only when the stored one is a minute old or more. */
    private record Stamped(Session session) implements Session {

        @Override
        public void setLastAccessedTime(Instant time) {
            if (Duration.between(session.getLastAccessedTime(), time).compareTo(RESOLUTION) >= 0) {
                session.setLastAccessedTime(time);
            }
        }

        @Override
        public String getId() {
            return session.getId();
        }

        @Override
        public String changeSessionId() {
            return session.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String name) {
            return session.getAttribute(name);
        }

        @Override
        public Set<String> getAttributeNames() {
            return session.getAttributeNames();
        }

        @Override
        public void setAttribute(String name, Object value) {
            session.setAttribute(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            session.removeAttribute(name);
        }

        @Override
        public Instant getCreationTime() {
            return session.getCreationTime();
        }

        @Override
        public Instant getLastAccessedTime() {
            return session.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            session.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return session.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return session.isExpired();
        }
    }
}
