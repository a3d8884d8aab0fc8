package org.imrplatform.course.packaging;

import static org.imrplatform.course.packaging.PackageProblem.phrase;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.imrplatform.course.Audio;
import org.imrplatform.course.ClosingSlide;
import org.imrplatform.course.CompletionRule;
import org.imrplatform.course.ContentSlide;
import org.imrplatform.course.Course;
import org.imrplatform.course.CourseAddresses;
import org.imrplatform.course.CourseModule;
import org.imrplatform.course.Html;
import org.imrplatform.course.Image;
import org.imrplatform.course.KnowledgeCheckSlide;
import org.imrplatform.course.KnowledgeTest;
import org.imrplatform.course.ObjectivesSlide;
import org.imrplatform.course.ReflectionSlide;
import org.imrplatform.course.ResourcesSlide;
import org.imrplatform.course.Slide;
import org.imrplatform.course.TabsSlide;
import org.imrplatform.course.VideoSlide;
import org.springframework.http.MediaTypeFactory;

/**
 * Reads and checks a whole {@link CoursePackage} (the format is in docs/course-format.md). Reading never stops at
 * the first mistake: every problem is collected and thrown together in an {@link InvalidCoursePackageException}.
 * A translation ({@code translations/<language>/}) is read by a reader of its own, exactly like the original, and
 * held to the original by a {@link TranslationCheck}.
 */
public final class CoursePackageReader {

    private static final int MAX_TITLE = 300;
    private static final int MAX_AREA = 100;
    private static final Set<String> COURSE_FIELDS = Set.of("id", "title", "language", "area", "description", "hours",
            "completion", "knowledge-test", "modules", "translations");
    private static final Set<String> MODULE_FIELDS = Set.of("title", "minutes", "objectives", "slides");
    private static final Set<String> LANGUAGES = Set.of("en", "es");
    private static final Map<String, Set<String>> SLIDE_FIELDS = Map.of(
            ContentSlide.KIND, Set.of("body", "image"),
            TabsSlide.KIND, Set.of("intro", "tabs"),
            ReflectionSlide.KIND, Set.of("prompt", "others"),
            VideoSlide.KIND, Set.of("body", "video", "transcript"),
            KnowledgeCheckSlide.KIND, Set.of("intro", "pass-percent", "questions"),
            ObjectivesSlide.KIND, Set.of("intro"),
            ResourcesSlide.KIND, Set.of("intro", "links", "citations"),
            ClosingSlide.KIND, Set.of("body"));
    private static final Set<String> COMMON_SLIDE_FIELDS = Set.of("kind", "title", "notes", "audio");
    private static final Set<String> AUDIO_EXTENSIONS = Set.of("ogg", "opus", "mp3", "m4a");
    /** Narration is speech: ten minutes of it compressed for the web stays well under this. */
    private static final int MAX_AUDIO_MEGABYTES = 10;
    private static final String TRANSLATIONS = "translations/";
    private static final Pattern WEB_ADDRESS = Pattern.compile("https?://[^\\s]+");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    private final CoursePackage pack;
    private final Problems problems;
    private final List<SlideReference> slideReferences = new ArrayList<>();
    private final List<FileReference> fileReferences;
    /**
     * The slides each listed module lists and the package holds, whether or not they could be read: a slide whose
     * YAML is broken is reported once, in its own file, not again by every link to it. A module whose own file could
     * not be read maps to null (its slides are unknown, so links into it are not judged).
     */
    private final Map<String, Set<String>> listedSlides = new HashMap<>();
    /** The files the course is written in (its YAML), read as text and never served. */
    private final Set<String> sources;
    /** Where this reader's YAML files are: "" for the original, {@code translations/<language>/} for a translation. */
    private final String root;
    /** The original's reader records into it; a translation's reader holds its files to it. */
    private final TranslationCheck original;
    /** The language of the translation this reader reads, or null when it reads the original. */
    private final String translation;
    private String courseId = "";

    /** A {@code slide:} link, checked once every module has been read. */
    private record SlideReference(String file, int line, String moduleId, String slideId) {
    }

    /** An image, video, captions file or link pointing at a file of the package, checked once all is read. */
    private record FileReference(String file, int line, String path) {
    }

    private CoursePackageReader(CoursePackage pack) {
        this.pack = pack;
        this.problems = new Problems();
        this.fileReferences = new ArrayList<>();
        this.sources = new HashSet<>();
        this.root = "";
        this.original = new TranslationCheck(problems);
        this.translation = null;
    }

    /** A reader for the translation into {@code language}, sharing the original's problems and files. */
    private CoursePackageReader(CoursePackageReader original, String language) {
        this.pack = original.pack;
        this.problems = original.problems;
        this.fileReferences = original.fileReferences;
        this.sources = original.sources;
        this.root = TRANSLATIONS + language + "/";
        this.original = original.original;
        this.translation = language;
    }

    public static Course read(CoursePackage pack) {
        return new CoursePackageReader(pack).readOriginal();
    }

    private Course readOriginal() {
        YamlMap file = yaml(CoursePackage.COURSE_FILE);
        if (file == null) {
            problems.throwIfAny();
        }
        Course course = read(file);
        Map<String, Course> translations = translations(file, course == null ? null : course.language());
        Set<String> assets = assets();
        problems.throwIfAny();
        Map<String, Course> finished = new TreeMap<>();
        translations.forEach((language, translated) -> finished.put(language,
                finished(translated, course, assets, Map.of())));
        return finished(course, course, assets, Map.copyOf(finished));
    }

    /** Reads the course file of the original or of a translation; the course has no assets nor translations yet. */
    private Course read(YamlMap file) {
        file.rejectUnknownFields(phrase("package.in.courseFile"), COURSE_FIELDS);
        String id = file.id("id");
        courseId = id == null ? "" : id;
        YamlMap.Text title = file.text("title", true);
        if (title != null && title.value().length() > MAX_TITLE) {
            // Versions and certificates store the title; a longer one would fail to be stored.
            file.problem(title.line(), "package.title.tooLong", MAX_TITLE);
        }
        YamlMap.Text language = file.text("language", true);
        if (language != null && !LANGUAGES.contains(language.value())) {
            file.problem(language.line(), "package.language", new TreeSet<>(LANGUAGES), language.value());
        }
        YamlMap.Text area = file.text("area", false);
        if (area != null && area.value().length() > MAX_AREA) {
            file.problem(area.line(), "package.area.tooLong", MAX_AREA);
        }
        Integer hours = file.integer("hours", false, 0, 1000);
        CompletionRule completion = completion(file.map("completion", false));
        List<YamlMap.Text> moduleIds = file.texts("modules", 1);
        if (translation != null) {
            if (language != null && !language.value().equals(translation)) {
                file.problem(language.line(), "package.translation.language", translation, language.value());
            }
            original.sameCourseValue(file, "id", id, file.lineOf("id"));
            original.sameCourseValue(file, "hours", hours, file.lineOf("hours"));
            original.sameCourseValue(file, "area", area == null ? null : area.value().trim(), file.lineOf("area"));
            original.sameCourseValue(file, "completion", file.has("completion") ? completion : null,
                    file.lineOf("completion"));
            original.sameModules(file, moduleIds);
            if (file.has("translations")) {
                file.problem(file.lineOf("translations"), "package.translation.nested");
            }
        } else {
            original.courseValue("id", id);
            original.courseValue("hours", hours);
            original.courseValue("area", area == null ? null : area.value().trim());
            original.courseValue("completion", completion);
        }
        List<String> listedModules = new ArrayList<>();
        List<CourseModule> modules = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (YamlMap.Text moduleRef : moduleIds) {
            String moduleId = file.checkedId(moduleRef, phrase("package.id.module"));
            if (moduleId == null) {
                continue;
            }
            if (!seen.add(moduleId)) {
                file.problem(moduleRef.line(), "package.module.twice", moduleId);
                continue;
            }
            listedModules.add(moduleId);
            String path = root + moduleId + "/module.yaml";
            if (!pack.contains(path)) {
                file.problem(moduleRef.line(), "package.module.missing", moduleId, path);
                continue;
            }
            listedSlides.put(moduleId, null);
            CourseModule module = readModule(moduleId, path);
            if (module != null) {
                modules.add(module);
            }
        }
        if (translation == null) {
            original.modules(file.file(), listedModules);
        }
        Html description = markdown(file, "description", true, "");
        KnowledgeTest knowledgeTest = knowledgeTest(file, "");
        checkSlideReferences();
        if (title == null || language == null) {
            return null;
        }
        return new Course(id, title.value(), language.value(), area == null ? null : area.value().trim(),
                description, hours, completion, knowledgeTest, List.copyOf(modules), Set.of(), Map.of());
    }

    /**
     * Reads every translation the original declares. A translation takes its hours, area and completion rule from
     * the original; a folder under translations/ that is not declared is reported, since learners would never see it.
     */
    private Map<String, Course> translations(YamlMap file, String language) {
        Map<String, Course> translations = new TreeMap<>();
        Set<String> allowed = new TreeSet<>(LANGUAGES);
        if (language != null) {
            allowed.remove(language);
        }
        Set<String> declared = new HashSet<>();
        List<YamlMap.Text> codes = file.has("translations") ? file.texts("translations", 1) : List.of();
        for (YamlMap.Text code : codes) {
            String folder = TRANSLATIONS + code.value() + "/" + CoursePackage.COURSE_FILE;
            if (!allowed.contains(code.value())) {
                file.problem(code.line(), "package.translations.language", code.value(), allowed, language);
            } else if (!declared.add(code.value())) {
                file.problem(code.line(), "package.translations.twice", code.value());
            } else if (!pack.contains(folder)) {
                file.problem(code.line(), "package.translations.missing", code.value(), folder);
            } else {
                CoursePackageReader reader = new CoursePackageReader(this, code.value());
                YamlMap translated = reader.yaml(folder);
                Course course = translated == null ? null : reader.read(translated);
                if (course != null) {
                    translations.put(code.value(), course);
                }
            }
        }
        for (String folder : pack.folders(TRANSLATIONS)) {
            if (!declared.contains(folder)) {
                file.problem(file.lineOf("translations"), "package.translations.undeclared", folder,
                        TRANSLATIONS + folder + "/");
            }
        }
        return translations;
    }

    /**
     * The course as it is kept: with the files its pages use in every language, its translations, and the
     * original's hours, area and completion rule, which a translation shares.
     */
    private static Course finished(Course course, Course original, Set<String> assets,
            Map<String, Course> translations) {
        return new Course(course.id(), course.title(), course.language(), original.area(), course.description(),
                original.hours(), original.completion(), course.knowledgeTest(), course.modules(), assets,
                translations);
    }

    private static CompletionRule completion(YamlMap rule) {
        if (rule == null) {
            return CompletionRule.DEFAULT;
        }
        rule.rejectUnknownFields(phrase("package.in.completion"), Set.of("view-all-slides", "pass-knowledge-checks"));
        boolean slides = !rule.has("view-all-slides") || rule.flag("view-all-slides");
        boolean checks = !rule.has("pass-knowledge-checks") || rule.flag("pass-knowledge-checks");
        if (!slides && !checks) {
            rule.problem(rule.line(), "package.completion.none");
        }
        return new CompletionRule(slides, checks);
    }

    private CourseModule readModule(String moduleId, String path) {
        YamlMap file = yaml(path);
        if (file == null) {
            return null;
        }
        file.rejectUnknownFields(phrase("package.in.moduleFile"), MODULE_FIELDS);
        String title = file.string("title", true);
        Integer minutes = file.integer("minutes", true, 1, 600);
        List<String> objectives = file.texts("objectives", 1).stream().map(YamlMap.Text::value).toList();
        List<Slide> slides = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<YamlMap.Text> listed = new ArrayList<>();
        Set<String> present = new HashSet<>();
        listedSlides.put(moduleId, present);
        for (YamlMap.Text slideRef : file.texts("slides", 1)) {
            String slideId = file.checkedId(slideRef, phrase("package.id.slide"));
            if (slideId == null) {
                continue;
            }
            if (!seen.add(slideId)) {
                file.problem(slideRef.line(), "package.slide.twice", slideId);
                continue;
            }
            listed.add(slideRef);
            String slidePath = root + moduleId + "/" + slideId + ".yaml";
            if (!pack.contains(slidePath)) {
                file.problem(slideRef.line(), "package.slide.missing", slideId, slidePath);
                continue;
            }
            present.add(slideId);
            Slide slide = readSlide(moduleId, slideId, slidePath);
            if (slide != null) {
                slides.add(slide);
            }
        }
        if (translation == null) {
            original.slides(moduleId, path, listed.stream().map(YamlMap.Text::value).toList(), minutes);
        } else {
            original.sameModule(file, moduleId, listed, minutes);
        }
        if (title == null || minutes == null) {
            return null;
        }
        return new CourseModule(moduleId, title, minutes, objectives, List.copyOf(slides));
    }

    private Slide readSlide(String moduleId, String id, String path) {
        YamlMap file = yaml(path);
        if (file == null) {
            return null;
        }
        String kind = file.string("kind", true);
        String title = file.string("title", true);
        Html notes = markdown(file, "notes", true, moduleId);
        Audio audio = audio(file.map("audio", false));
        if (kind == null) {
            return null;
        }
        Set<String> kindFields = SLIDE_FIELDS.get(kind);
        if (kindFields == null) {
            file.problem(file.lineOf("kind"), "package.slide.kind", kind,
                    String.join(", ", SLIDE_FIELDS.keySet().stream().sorted().toList()));
            return null;
        }
        Set<String> allowed = new HashSet<>(COMMON_SLIDE_FIELDS);
        allowed.addAll(kindFields);
        file.rejectUnknownFields(phrase("package.in.slide", kind), allowed);
        Slide slide = switch (kind) {
            case ContentSlide.KIND -> new ContentSlide(id, title, notes, audio,
                    markdown(file, "body", true, moduleId), image(file.map("image", false)));
            case TabsSlide.KIND -> new TabsSlide(id, title, notes, audio, markdown(file, "intro", false, moduleId),
                    file.maps("tabs", 2).stream().map(tab -> tab(tab, moduleId)).toList());
            case ReflectionSlide.KIND -> new ReflectionSlide(id, title, notes, audio,
                    markdown(file, "prompt", true, moduleId),
                    file.texts("others", 1).stream().map(YamlMap.Text::value).toList());
            case VideoSlide.KIND -> new VideoSlide(id, title, notes, audio, markdown(file, "body", false, moduleId),
                    video(file.map("video", true)), markdown(file, "transcript", true, moduleId));
            case KnowledgeCheckSlide.KIND -> knowledgeCheck(file, id, title, notes, audio, moduleId);
            case ObjectivesSlide.KIND -> new ObjectivesSlide(id, title, notes, audio,
                    markdown(file, "intro", false, moduleId));
            case ResourcesSlide.KIND -> resources(file, id, title, notes, audio, moduleId);
            case ClosingSlide.KIND -> new ClosingSlide(id, title, notes, audio,
                    markdown(file, "body", true, moduleId));
            default -> throw new IllegalStateException("kind without a reader: " + kind);
        };
        if (translation == null) {
            original.slide(moduleId, path, slide);
        } else {
            original.sameSlide(file, moduleId, slide);
        }
        return slide;
    }

    /** A slide's narration: an audio file of the package, of a kind browsers play and of a size phones can fetch. */
    private Audio audio(YamlMap audio) {
        if (audio == null) {
            return null;
        }
        audio.rejectUnknownFields(phrase("package.in.audio"), Set.of("src", "title"));
        YamlMap.Text src = audio.text("src", true);
        String title = audio.string("title", false);
        if (src == null) {
            return null;
        }
        String path = src.value();
        String extension = path.substring(path.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
        if (!AUDIO_EXTENSIONS.contains(extension)) {
            audio.problem(src.line(), "package.audio.kind", path, String.join(", ", new TreeSet<>(AUDIO_EXTENSIONS)));
            return null;
        }
        if (pack.file(path).map(bytes -> bytes.length > MAX_AUDIO_MEGABYTES * 1024 * 1024).orElse(false)) {
            audio.problem(src.line(), "package.audio.tooLarge", path, MAX_AUDIO_MEGABYTES);
        }
        String type = MediaTypeFactory.getMediaType(path).map(Object::toString).orElse("audio/" + extension);
        return new Audio(packageFile(audio, path, src.line()), type, title);
    }

    private TabsSlide.Tab tab(YamlMap tab, String moduleId) {
        tab.rejectUnknownFields(phrase("package.in.tab"), Set.of("label", "body"));
        return new TabsSlide.Tab(tab.string("label", true), markdown(tab, "body", true, moduleId));
    }

    private Image image(YamlMap image) {
        if (image == null) {
            return null;
        }
        image.rejectUnknownFields(phrase("package.in.image"), Set.of("src", "alt"));
        YamlMap.Text src = image.text("src", true);
        String alt = image.string("alt", false);
        if (alt == null) {
            image.problem(image.line(), "package.image.alt");
        }
        return src == null ? null : new Image(packageFile(image, src.value(), src.line()), alt);
    }

    private VideoSlide.Video video(YamlMap video) {
        if (video == null) {
            return null;
        }
        video.rejectUnknownFields(phrase("package.in.video"), Set.of("url", "src", "title", "captions"));
        YamlMap.Text url = video.text("url", false);
        YamlMap.Text src = video.text("src", false);
        String title = video.string("title", true);
        YamlMap.Text captions = video.text("captions", false);
        if ((url == null) == (src == null)) {
            video.problem(video.line(), "package.video.source");
            return null;
        }
        if (url != null && !WEB_ADDRESS.matcher(url.value()).matches()) {
            video.problem(url.line(), "package.url", url.value());
        }
        boolean captionsElsewhere = captions != null && WEB_ADDRESS.matcher(captions.value()).matches();
        if (captionsElsewhere && src != null) {
            // The player's <track> loads only files of this site (the Content Security Policy's media-src).
            video.problem(captions.line(), "package.video.captionsAddress");
        }
        String captionsUrl = captions == null ? null
                : captionsElsewhere ? captions.value()
                : packageFile(video, captions.value(), captions.line());
        return src != null
                ? new VideoSlide.Video(packageFile(video, src.value(), src.line()), true, title, captionsUrl)
                : new VideoSlide.Video(url.value(), false, title, captionsUrl);
    }

    private KnowledgeCheckSlide knowledgeCheck(YamlMap file, String id, String title, Html notes, Audio audio,
            String moduleId) {
        Html intro = markdown(file, "intro", false, moduleId);
        Integer pass = file.integer("pass-percent", false, 0, 100);
        return new KnowledgeCheckSlide(id, title, notes, audio, intro, pass == null ? 80 : pass,
                questions(file, moduleId, translation == null ? null : original.questionsOf(moduleId, id)));
    }

    private KnowledgeTest knowledgeTest(YamlMap course, String moduleId) {
        YamlMap.Text ref = course.text("knowledge-test", false);
        if (translation != null && !original.sameKnowledgeTest(course, ref) || ref == null) {
            return null;
        }
        // A translation's test is the file of the same name in its folder.
        String path = root + ref.value();
        if (!pack.contains(path)) {
            course.problem(ref.line(), "package.knowledgeTest.missing", path);
            return null;
        }
        YamlMap file = yaml(path);
        if (file == null) {
            return null;
        }
        file.rejectUnknownFields(phrase("package.in.knowledgeTest"), Set.of("title", "intro", "questions"));
        KnowledgeTest test = new KnowledgeTest(file.string("title", true), markdown(file, "intro", false, moduleId),
                questions(file, moduleId, translation == null ? null : original.testQuestions()));
        if (translation == null) {
            original.knowledgeTest(ref.value(), path, test.questions());
        }
        return test;
    }

    /** @param originals the original's questions a translation's are held to, or null */
    private List<KnowledgeCheckSlide.Question> questions(YamlMap file, String moduleId,
            List<KnowledgeCheckSlide.Question> originals) {
        List<KnowledgeCheckSlide.Question> questions = new ArrayList<>();
        Set<String> questionIds = new HashSet<>();
        List<YamlMap.Text> listed = new ArrayList<>();
        for (YamlMap question : file.maps("questions", 1)) {
            question.rejectUnknownFields(phrase("package.in.question"), Set.of("id", "type", "prompt", "options"));
            String questionId = question.id("id");
            if (questionId != null && !questionIds.add(questionId)) {
                question.problem(question.lineOf("id"), "package.question.twice", questionId);
            } else if (questionId != null) {
                listed.add(new YamlMap.Text(questionId, question.lineOf("id")));
            }
            String type = question.string("type", true);
            if (type != null && !type.equals("single") && !type.equals("multiple")) {
                question.problem(question.lineOf("type"), "package.question.type", type);
            }
            // Inline: the prompt is rendered inside the question's <legend>, which may not hold paragraphs.
            Html prompt = Markdown.inline(question.text("prompt", true), destinations(question, moduleId));
            List<YamlMap> optionEntries = question.maps("options", 2);
            List<KnowledgeCheckSlide.Option> options = optionEntries.stream()
                    .map(option -> option(option, moduleId)).toList();
            long correct = options.stream().filter(KnowledgeCheckSlide.Option::correct).count();
            boolean multiple = "multiple".equals(type);
            if (!multiple && correct != 1) {
                question.problem(question.lineOf("options"), "package.question.single", correct);
            } else if (multiple && correct == 0) {
                question.problem(question.lineOf("options"), "package.question.multiple");
            }
            if (originals != null && type != null) {
                originals.stream().filter(q -> q.id().equals(questionId)).findFirst()
                        .ifPresent(same -> original.sameQuestion(question, multiple, optionEntries,
                                options.stream().map(KnowledgeCheckSlide.Option::correct).toList(), same));
            }
            questions.add(new KnowledgeCheckSlide.Question(questionId, multiple, prompt, options));
        }
        if (originals != null) {
            original.sameQuestionIds(file, listed, originals);
        }
        return questions;
    }

    private KnowledgeCheckSlide.Option option(YamlMap option, String moduleId) {
        option.rejectUnknownFields(phrase("package.in.option"), Set.of("text", "correct", "feedback"));
        Html text = Markdown.inline(option.text("text", true), destinations(option, moduleId));
        boolean correct = option.flag("correct");
        Html feedback = Markdown.inline(option.text("feedback", true), destinations(option, moduleId));
        return new KnowledgeCheckSlide.Option(text, correct, feedback);
    }

    private ResourcesSlide resources(YamlMap file, String id, String title, Html notes, Audio audio,
            String moduleId) {
        List<ResourcesSlide.Link> links = new ArrayList<>();
        for (YamlMap link : file.maps("links", 0)) {
            link.rejectUnknownFields(phrase("package.in.link"), Set.of("title", "url", "description"));
            String linkTitle = link.string("title", true);
            YamlMap.Text url = link.text("url", true);
            if (url != null && !WEB_ADDRESS.matcher(url.value()).matches()) {
                link.problem(url.line(), "package.url", url.value());
            }
            links.add(new ResourcesSlide.Link(linkTitle, url == null ? null : url.value(),
                    link.string("description", false)));
        }
        List<Html> citations = file.texts("citations", 0).stream()
                .map(citation -> Markdown.block(citation, destinations(file, moduleId))).toList();
        if (links.isEmpty() && citations.isEmpty()) {
            file.problem(file.line(), "package.resources.empty");
        }
        return new ResourcesSlide(id, title, notes, audio, markdown(file, "intro", false, moduleId), links,
                citations);
    }

    private Html markdown(YamlMap map, String key, boolean required, String moduleId) {
        return Markdown.block(map.text(key, required), destinations(map, moduleId));
    }

    /** Links may go to the web, to another slide ({@code slide:}) or to a file of the package. */
    private Markdown.Destinations destinations(YamlMap map, String moduleId) {
        return new Markdown.Destinations() {
            @Override
            public String link(String destination, int line) {
                if (destination.startsWith("slide:")) {
                    String target = destination.substring("slide:".length());
                    int slash = target.indexOf('/');
                    String targetModule = slash < 0 ? moduleId : target.substring(0, slash);
                    String targetSlide = target.substring(slash + 1);
                    slideReferences.add(new SlideReference(map.file(), line, targetModule, targetSlide));
                    return CourseAddresses.slide(courseId, targetModule, targetSlide);
                }
                if (destination.startsWith("#") || destination.startsWith("mailto:")
                        || WEB_ADDRESS.matcher(destination).matches()) {
                    return destination;
                }
                if (SCHEME.matcher(destination).find()) {
                    map.problem(line, "package.link.scheme", destination);
                    return "#";
                }
                return packageFile(map, destination, line);
            }

            @Override
            public String image(String destination, String alt, int line) {
                if (alt.isEmpty()) {
                    map.problem(line, "package.image.markdownAlt", destination);
                }
                return packageFile(map, destination, line);
            }
        };
    }

    private String packageFile(YamlMap map, String path, int line) {
        if (!pack.contains(path)) {
            map.problem(line, "package.file.missing", path);
        } else {
            fileReferences.add(new FileReference(map.file(), line, path));
        }
        return CourseAddresses.asset(courseId, pack.checksum(), path);
    }

    /**
     * The package files the course's pages show or link to: the only ones ever served. The course's own YAML is
     * refused as a link target, since it holds what learners must not see, such as the knowledge test's answers.
     */
    private Set<String> assets() {
        Set<String> assets = new HashSet<>();
        for (FileReference ref : fileReferences) {
            if (sources.contains(ref.path())) {
                problems.add(ref.file(), ref.line(), "package.file.source", ref.path());
            } else {
                assets.add(ref.path());
            }
        }
        return Set.copyOf(assets);
    }

    private void checkSlideReferences() {
        for (SlideReference ref : slideReferences) {
            if (!listedSlides.containsKey(ref.moduleId())) {
                problems.add(ref.file(), ref.line(), "package.link.module", ref.moduleId());
            } else {
                Set<String> slides = listedSlides.get(ref.moduleId());
                if (slides != null && !slides.contains(ref.slideId())) {
                    problems.add(ref.file(), ref.line(), "package.link.slide", ref.slideId(), ref.moduleId());
                }
            }
        }
    }

    private YamlMap yaml(String path) {
        var source = pack.text(path);
        if (source.isEmpty()) {
            problems.add(path, 0, "package.file.absent");
            return null;
        }
        sources.add(path);
        return YamlMap.parse(path, source.get(), problems);
    }
}
