package org.imrplatform.course;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.imrplatform.course.packaging.CoursePackage;
import org.imrplatform.course.packaging.CoursePackageReader;
import org.imrplatform.course.packaging.InvalidCoursePackageException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The courses learners can take, and the versions behind them. Versions never change once stored, so each node
 * keeps parsed versions in memory, up to a bounded number of bytes; which version is current is re-read from the
 * database every few seconds, so several nodes behind a load balancer agree shortly after an upload. Learners
 * always see the current version (their progress is kept by slide id, not by version), so only its files are
 * served: an earlier version is reachable again only when an administrator makes it current.
 */
@Service
public class CourseCatalog {

    private static final Duration CURRENT_VERSIONS_TTL = Duration.ofSeconds(2);

    /** A parsed version with its files, for serving slides and images. */
    private record LoadedVersion(Course course, CoursePackage pack) {

        /** A file the course's pages use; the package's other files (its YAML above all) are never served. */
        Optional<byte[]> asset(String checksum, String path) {
            return checksum.equals(pack.checksum()) && course.assets().contains(path)
                    ? pack.file(path) : Optional.empty();
        }

        int weight() {
            return (int) Math.min(Integer.MAX_VALUE, pack.bytes());
        }
    }

    /** Which version of each course is current; {@code revision} changes whenever that mapping does. */
    private record CurrentVersions(Map<String, Long> byCourse, long revision, Instant loadedAt) {
    }

    private final CourseVersionRepository repository;
    private final Cache<Long, LoadedVersion> loaded;
    private final AtomicReference<CurrentVersions> current =
            new AtomicReference<>(new CurrentVersions(Map.of(), 0, Instant.EPOCH));

    /** {@code memoryMegabytes} bounds the parsed versions kept, weighed by the bytes of their package files. */
    CourseCatalog(CourseVersionRepository repository,
            @Value("${imr.courses.memory-megabytes}") long memoryMegabytes) {
        this.repository = repository;
        this.loaded = Caffeine.newBuilder().maximumWeight(memoryMegabytes * 1024 * 1024)
                .weigher((Long id, LoadedVersion version) -> version.weight()).build();
    }

    /** The current version of every course, by title. */
    public List<Course> courses() {
        return currentVersions().values().stream().map(id -> load(id).course())
                .sorted(Comparator.comparing(Course::title)).toList();
    }

    public Optional<Course> course(String courseId) {
        return Optional.ofNullable(currentVersions().get(courseId)).map(id -> load(id).course());
    }

    /** The course, or a {@link CourseNotFoundException} (answered as 404) when there is none. */
    public Course require(String courseId) {
        return course(courseId).orElseThrow(() -> new CourseNotFoundException(courseId));
    }

    public List<CourseVersion> versions(String courseId) {
        return repository.versions(courseId);
    }

    /** What publishing a package did, and the version that is live now. */
    public record Publication(CourseVersion version, Change change) {
    }

    public enum Change {
        /** The content was new: it is stored as a new version, now live. */
        NEW_VERSION,
        /** The content was an earlier version: that version is live again, nothing new is stored. */
        LIVE_AGAIN,
        /** The content is the live version's: nothing changed. */
        NONE
    }

    /**
     * Checks the package and, when it has no problem, stores it as the course's new current version. Content that
     * is already stored is not stored twice: its version becomes current again, or simply stays so.
     *
     * @throws InvalidCoursePackageException listing every problem; nothing is stored then
     */
    @Transactional
    public Publication publish(CoursePackage pack, CourseVersion.Origin origin, String publishedBy) {
        Course course = CoursePackageReader.read(pack);
        Optional<CourseVersion> stored = repository.find(course.id(), pack.checksum());
        if (stored.filter(CourseVersion::current).isPresent()) {
            return new Publication(stored.get(), Change.NONE);
        }
        CourseVersion version = stored.orElseGet(() -> {
            long id = repository.insert(course, pack.checksum(), origin, publishedBy, pack.toZip());
            loaded.put(id, new LoadedVersion(course, pack));
            return repository.find(course.id(), pack.checksum()).orElseThrow();
        });
        repository.makeCurrent(course.id(), version.id());
        forgetCurrentVersions();
        return new Publication(repository.find(course.id(), version.number()).orElseThrow(),
                stored.isPresent() ? Change.LIVE_AGAIN : Change.NEW_VERSION);
    }

    /**
     * Any stored version of a course, current or not, with its files: for administrators taking a version out of
     * the platform. A version that is not in memory is read for this call only, so exports never push the versions
     * learners use out of the bounded cache.
     */
    public Optional<StoredCourseVersion> storedVersion(String courseId, int number) {
        return repository.find(courseId, number).map(version -> {
            LoadedVersion cached = loaded.getIfPresent(version.id());
            LoadedVersion read = cached != null ? cached : read(version.id());
            return new StoredCourseVersion(version, read.course(), read.pack()::file);
        });
    }

    /** Makes an earlier (or later) stored version current again. */
    @Transactional
    public Optional<CourseVersion> makeCurrent(String courseId, int number) {
        Optional<CourseVersion> version = repository.find(courseId, number);
        version.ifPresent(v -> {
            repository.makeCurrent(courseId, v.id());
            forgetCurrentVersions();
        });
        return version.flatMap(v -> repository.find(courseId, number));
    }

    /**
     * A file the current version of the course shows or links to, found by the checksum in its address. Any other
     * checksum is unknown here, so no request can bring an old version into memory.
     */
    public Optional<byte[]> asset(String courseId, String checksum, String path) {
        return Optional.ofNullable(currentVersions().get(courseId)).flatMap(id -> load(id).asset(checksum, path));
    }

    /**
     * A number that changes whenever any course's current version changes (on this node at once, on other nodes
     * within a few seconds), so pages rendered from the catalog can be cached under it.
     */
    public long revision() {
        return currentSnapshot().revision();
    }

    private Map<String, Long> currentVersions() {
        return currentSnapshot().byCourse();
    }

    /**
     * The snapshot, re-read when it is older than its time to live. A snapshot only ever replaces the one it was
     * made from, so one read from the database before a publication can never overwrite one read after it: a
     * revision number always stands for the same versions, and pages kept under it stay right.
     */
    private CurrentVersions currentSnapshot() {
        CurrentVersions snapshot = current.get();
        if (snapshot.loadedAt().plus(CURRENT_VERSIONS_TTL).isBefore(Instant.now())) {
            Map<String, Long> byCourse = Map.copyOf(repository.currentVersionIds());
            long revision = byCourse.equals(snapshot.byCourse()) ? snapshot.revision() : snapshot.revision() + 1;
            CurrentVersions fresh = new CurrentVersions(byCourse, revision, Instant.now());
            return current.compareAndSet(snapshot, fresh) ? fresh : current.get();
        }
        return snapshot;
    }

    private void forgetCurrentVersions() {
        current.updateAndGet(snapshot ->
                new CurrentVersions(snapshot.byCourse(), snapshot.revision() + 1, Instant.EPOCH));
    }

    private LoadedVersion load(long versionId) {
        return loaded.get(versionId, this::read);
    }

    private LoadedVersion read(long versionId) {
        CoursePackage pack = CoursePackage.fromZip(repository.packageZip(versionId));
        return new LoadedVersion(CoursePackageReader.read(pack), pack);
    }
}
