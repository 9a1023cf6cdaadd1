"""Section titles in German, Spanish and French (and, for edge cases, open questions and rabbit holes,
Portuguese, Italian and Dutch), each with the English title it stands for.

Teams in Europe and Latin America write PRDs, spec-kit specs, Kiro requirements and ADRs in their
own language, often beside English template headings. `speclint.document.headings.normalize_title`
reads a heading's key through this table ("Akzeptanzkriterien" -> "acceptance criteria",
"Casos límite" -> "edge case", "Conséquences" -> "consequence"), so every profile, alias list and
rule that matches sections by their English names also matches these, without a list of its own.

Only names that are not English words are listed ("Status", "Motivation", "Alternatives" need no
translation), so an English title never changes key. A name may be a phrase; the longest phrase
at a position wins; "und" / "y" / "et" become "and" in a title where something was translated
("Risiken und Gegenmaßnahmen" -> "risks and mitigations").
"""

from __future__ import annotations

#: English title -> (German, Spanish, French...) titles that name the same section.
FOREIGN_SECTION_NAMES: dict[str, tuple[str, ...]] = {
    # requirements, stories, criteria
    "Requirements": ("Anforderungen", "Anforderung", "Requisitos", "Requisito", "Exigences", "Exigence", "Besoins"),
    "Functional requirements": ("Funktionale Anforderungen", "Requisitos funcionales", "Exigences fonctionnelles"),
    "Non-functional requirements": ("Nichtfunktionale Anforderungen", "Nicht-funktionale Anforderungen",
                                    "Requisitos no funcionales", "Exigences non fonctionnelles"),
    "Requirements document": ("Anforderungsdokument", "Documento de requisitos", "Document d'exigences"),
    "Requirement": ("Anforderung", "Requisito", "Exigence"),
    "User stories": ("User Stories", "Benutzergeschichten", "Nutzergeschichten", "Historias de usuario",
                     "Histoires utilisateur", "Récits utilisateur"),
    "User story": ("Benutzergeschichte", "Nutzergeschichte", "Historia de usuario", "Histoire utilisateur",
                   "Récit utilisateur"),
    "User scenarios and testing": ("Benutzerszenarien und Tests", "Escenarios de usuario y pruebas",
                                   "Scénarios utilisateur et tests", "Cenários de usuário e testes",
                                   "Scenari utente e test"),
    "Acceptance criteria": ("Akzeptanzkriterien", "Abnahmekriterien", "Criterios de aceptación",
                            "Criterios de aceptacion", "Critères d'acceptation", "Critères d'acceptance",
                            "Critérios de aceitação", "Criteri di accettazione"),
    "Acceptance scenarios": ("Akzeptanzszenarien", "Escenarios de aceptación", "Scénarios d'acceptation",
                             "Cenários de aceitação", "Scenari di accettazione"),
    "Edge cases": ("Randfälle", "Grenzfälle", "Sonderfälle", "Casos límite", "Casos limite", "Casos extremos",
                   "Casos borde", "Cas limites", "Cas limite", "Cas particuliers",
                   # Portuguese, Italian, Dutch
                   "Casos de borda", "Casos-limite", "Casi limite", "Casi estremi", "Casi particolari",
                   "Randgevallen", "Grensgevallen", "Uitzonderingsgevallen"),
    "Error handling": ("Fehlerbehandlung", "Manejo de errores", "Gestión de errores", "Gestion des erreurs",
                       "Gestion d'erreurs", "Traitement des erreurs"),
    "Failure modes": ("Fehlerfälle", "Modos de fallo", "Modes de défaillance"),
    "Success metrics": ("Erfolgsmetriken", "Erfolgskennzahlen", "Métricas de éxito", "Indicadores de éxito",
                        "Métriques de succès", "Indicateurs de succès", "Indicateurs de réussite",
                        "Métricas de sucesso", "Indicadores de sucesso", "Metriche di successo",
                        "Indicatori di successo"),
    "Success criteria": ("Erfolgskriterien", "Criterios de éxito", "Critères de succès", "Critères de réussite",
                         "Critérios de sucesso", "Criteri di successo"),
    "Measurable outcomes": ("Messbare Ergebnisse", "Resultados medibles", "Résultats mesurables",
                            "Resultados mensuráveis", "Risultati misurabili"),
    "Key entities": ("Schlüsselentitäten", "Entidades clave", "Entités clés", "Entidades principais",
                     "Entità principali"),
    # product framing
    "Summary": ("Zusammenfassung", "Resumen", "Résumé", "Synthèse"),
    "Overview": ("Überblick", "Übersicht", "Visión general", "Descripción general", "Vue d'ensemble", "Aperçu"),
    "Introduction": ("Einleitung", "Einführung", "Introducción"),
    "Problem statement": ("Problemstellung", "Planteamiento del problema", "Problema", "Énoncé du problème",
                          "Problématique"),
    "Background": ("Hintergrund", "Antecedentes", "Contexte et historique"),
    "Goals": ("Ziele", "Objetivos", "Objectifs", "Metas", "Obiettivi"),
    "Non-goals": ("Nicht-Ziele", "Nichtziele", "Keine Ziele", "No objetivos", "Fuera de alcance",
                  "Non-objectifs", "Hors périmètre", "Hors du périmètre", "Hors champ"),
    "Out of scope": ("Außerhalb des Umfangs", "Nicht im Umfang", "Fuera del alcance", "Hors de portée"),
    "Scope": ("Umfang", "Geltungsbereich", "Alcance", "Périmètre", "Portée"),
    "Risks": ("Risiken", "Riesgos", "Risques"),
    "Risks and mitigations": ("Risiken und Gegenmaßnahmen", "Risiken und Maßnahmen", "Riesgos y mitigaciones",
                              "Risques et atténuations", "Risques et mesures d'atténuation"),
    "Open questions": ("Offene Fragen", "Offene Punkte", "Preguntas abiertas", "Preguntas pendientes",
                       "Cuestiones abiertas", "Questions ouvertes", "Questions en suspens", "Points ouverts",
                       # Portuguese, Italian, Dutch
                       "Questões em aberto", "Questões abertas", "Perguntas em aberto", "Perguntas abertas",
                       "Pontos em aberto", "Domande aperte", "Questioni aperte", "Punti aperti", "Open vragen",
                       "Openstaande vragen", "Openstaande punten"),
    # a Shape Up pitch's rabbit holes (Italian, Portuguese, Spanish, German, French, Dutch)
    "Rabbit holes": ("Buchi del coniglio", "Tane del coniglio", "Tocas de coelho", "Buracos de coelho",
                     "Madrigueras de conejo", "Agujeros de conejo", "Kaninchenbauten", "Kaninchenlöcher",
                     "Terriers de lapin", "Konijnenholen"),
    "Assumptions": ("Annahmen", "Supuestos", "Suposiciones", "Hypothèses"),
    "Constraints": ("Einschränkungen", "Rahmenbedingungen", "Restricciones", "Contraintes"),
    "Dependencies": ("Abhängigkeiten", "Dependencias", "Dépendances"),
    "Timeline": ("Zeitplan", "Cronograma", "Calendrier", "Échéancier"),
    "Milestones": ("Meilensteine", "Hitos", "Jalons"),
    "Rollout": ("Einführungsplan", "Plan de despliegue", "Despliegue", "Plan de déploiement", "Déploiement"),
    "Rollback": ("Rückrollplan", "Reversión", "Retour arrière"),
    "Glossary": ("Glossar", "Begriffe", "Glosario", "Glossaire"),
    "Security": ("Sicherheit", "Seguridad", "Sécurité"),
    "Testing strategy": ("Teststrategie", "Estrategia de pruebas", "Stratégie de test", "Stratégie de tests"),
    "Test plan": ("Testplan", "Plan de pruebas", "Plan de test", "Plan de tests"),
    "Personas": ("Zielgruppe", "Público objetivo", "Utilisateurs cibles"),
    # design documents
    "Architecture": ("Architektur", "Arquitectura"),
    "Design": ("Diseño",),
    "Components and interfaces": ("Komponenten und Schnittstellen", "Componentes e interfaces",
                                  "Composants et interfaces"),
    "Data models": ("Datenmodelle", "Datenmodell", "Modelos de datos", "Modelo de datos", "Modèles de données",
                    "Modèle de données"),
    "Interfaces": ("Schnittstellen",),
    "Alternatives considered": ("Betrachtete Alternativen", "Alternativas consideradas", "Alternatives envisagées"),
    "Alternatives": ("Alternativen", "Alternativas"),
    # decision records
    "Context": ("Kontext", "Contexto", "Contexte"),
    "Context and problem statement": ("Kontext und Problemstellung", "Contexto y planteamiento del problema",
                                      "Contexte et énoncé du problème", "Contexte et problématique"),
    "Decision": ("Entscheidung", "Decisión", "Décision"),
    "Decision drivers": ("Entscheidungstreiber", "Entscheidungskriterien", "Factores de decisión",
                         "Impulsores de la decisión", "Facteurs de décision", "Critères de décision"),
    "Considered options": ("Betrachtete Optionen", "Erwogene Optionen", "Opciones consideradas",
                           "Options envisagées", "Options considérées"),
    "Decision outcome": ("Entscheidungsergebnis", "Resultado de la decisión", "Résultat de la décision",
                         "Issue de la décision"),
    "Consequences": ("Konsequenzen", "Folgen", "Auswirkungen", "Consecuencias", "Conséquences"),
    "Status": ("Estado", "Statut"),
    "Pros and cons of the options": ("Vor- und Nachteile der Optionen", "Pros y contras de las opciones",
                                     "Ventajas y desventajas de las opciones",
                                     "Avantages et inconvénients des options"),
    "More information": ("Weitere Informationen", "Más información", "Plus d'informations"),
}

#: Words that join two titles ("Risiken und Gegenmaßnahmen"), read as "and" once a title was translated.
FOREIGN_CONNECTORS: tuple[str, ...] = ("und", "y", "e", "et")
