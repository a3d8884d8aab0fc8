-- areas: the center's public page for each area of focus (/areas/{slug}), as the center edits it. Texts are
-- Markdown, in English and Spanish (an empty Spanish text shows the English one). The period is the one the page's
-- figures are computed for; no end (period_to null) means "until today". revision counts the saved edits: a form
-- is saved only over the revision it was made from, so a replayed or stale form changes nothing.
create table area_page (
    slug           varchar(40)  primary key,
    area           varchar(100) not null,
    center_text_en varchar(3000) not null,
    center_text_es varchar(3000) not null,
    focus_en       varchar(12000) not null,
    focus_es       varchar(12000) not null,
    contact_email  varchar(254),
    contact_phone  varchar(40),
    contact_web    varchar(500),
    contact_place  varchar(300),
    period_from    date not null,
    period_to      date,
    revision       integer not null,
    updated_at     timestamp with time zone not null
);
create unique index area_page_area on area_page (area);

-- areas: one number every node compares with its in-memory copies of the pages; any change that moves what a page
-- shows (an edit, a record its figures count) adds one in the transaction of that change.
create table area_generation (
    id         integer primary key,
    generation bigint  not null
);
insert into area_generation (id, generation) values (1, 0);

-- The center's own area ships filled in; the center's description and contact details are placeholders it replaces.
insert into area_page (slug, area, center_text_en, center_text_es, focus_en, focus_es, period_from, revision,
                       updated_at)
values ('imr', 'Illness Management and Recovery',
'This text is a placeholder for the center to replace: in a few lines, who the center is, whom it serves and what it offers (training, technical assistance, resources).',
'Este texto es provisional y el centro debe reemplazarlo: en pocas líneas, quién es el centro, a quién sirve y qué ofrece (adiestramientos, asistencia técnica, recursos).',
'**Illness Management and Recovery (IMR)** is an evidence-based program for people living with a serious mental health condition. Each person chooses a recovery goal that matters to them, breaks it into smaller steps, and learns practical ways to manage their condition along the way.

A trained practitioner works with one person or with a small group (eight people or fewer), usually once a week for six months or more. The curriculum covers recovery strategies, practical facts about mental illness, how stress and vulnerability shape symptoms, building social support, using medication effectively, drug and alcohol use, reducing relapses, coping with stress and with persistent symptoms, getting what one needs from the mental health system, and healthy lifestyles.

Every session follows up on each person''s goals and last week''s home assignment, teaches new material with handouts, and practises skills through motivational, educational and cognitive-behavioral techniques such as role-play and modeling. Each person can write a relapse prevention plan with their triggers and early warning signs.

Programs check how closely they follow the model with the 13-item IMR Fidelity Scale, practitioners'' skill is rated in observed sessions, and the IMR Scale follows each person''s progress over time.',
'**Manejo de la Enfermedad y Recuperación (IMR, por sus siglas en inglés)** es un programa basado en la evidencia para personas que viven con una condición de salud mental seria. Cada persona escoge una meta de recuperación que le importa, la divide en pasos más pequeños y aprende maneras prácticas de manejar su condición en el camino.

Un profesional adiestrado trabaja con una persona o con un grupo pequeño (ocho personas o menos), por lo general una vez por semana durante seis meses o más. El currículo incluye estrategias de recuperación, datos prácticos sobre la enfermedad mental, cómo el estrés y la vulnerabilidad influyen en los síntomas, cómo crear apoyo social, el uso eficaz de los medicamentos, el uso de drogas y alcohol, cómo reducir las recaídas, cómo lidiar con el estrés y con los síntomas persistentes, cómo obtener lo que uno necesita del sistema de salud mental y los estilos de vida saludables.

En cada sesión se da seguimiento a las metas de cada persona y a la asignación de la semana anterior, se enseña material nuevo con hojas informativas y se practican destrezas mediante técnicas motivacionales, educativas y cognitivo-conductuales, como el juego de roles y el modelaje. Cada persona puede escribir un plan de prevención de recaídas con sus detonantes y sus señales tempranas de alerta.

Los programas verifican cuán fielmente siguen el modelo con la Escala de Fidelidad de IMR de 13 renglones, la destreza de los profesionales se evalúa en sesiones observadas y la Escala IMR sigue el progreso de cada persona a lo largo del tiempo.',
date '2020-01-01', 0, timestamp with time zone '2026-01-01 00:00:00+00');
