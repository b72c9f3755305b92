<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>StatusText</name>
    <message>
        <location filename="../../ui/StatusText.cpp" line="+68"/>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>resolving LivePerson hosts…</source>
        <translation>LivePerson-Hosts werden ermittelt…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>logging in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>connecting…</source>
        <translation>Verbindung wird aufgebaut…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>reconnecting in %1 s</source>
        <translation>neuer Verbindungsversuch in %1 s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reconnecting now…</source>
        <translation>neuer Verbindungsversuch läuft…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>kicked by another login at %1</source>
        <translation>um %1 durch eine andere Anmeldung verdrängt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>kicked by another login</source>
        <translation>durch eine andere Anmeldung verdrängt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 — bot endpoint down</source>
        <translation>%1 — Bot-Endpunkt ausgefallen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 — bot endpoint down since %2</source>
        <translation>%1 — Bot-Endpunkt ausgefallen seit %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 — bot endpoint degraded</source>
        <translation>%1 — Bot-Endpunkt beeinträchtigt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 — bot endpoint degraded since %2</source>
        <translation>%1 — Bot-Endpunkt beeinträchtigt seit %2</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>escalated</source>
        <translation>eskaliert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>closed</source>
        <translation>geschlossen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Consumer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bot</source>
        <translation>Bot</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Private note</source>
        <translation>Private Notiz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Escalation</source>
        <translation>Eskalation</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>timeout</source>
        <translation>Zeitüberschreitung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>connection error</source>
        <translation>Verbindungsfehler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HTTP 4xx</source>
        <translation>HTTP 4xx</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HTTP 5xx</source>
        <translation>HTTP 5xx</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>invalid reply</source>
        <translation>ungültige Antwort</translation>
    </message>
</context>
<context>
    <name>Switchboard::Console</name>
    <message>
        <location filename="../../app/gui/Console.cpp" line="+152"/>
        <source>The sandbox did not start: %1</source>
        <translation>Die Sandbox ist nicht gestartet: %1</translation>
    </message>
</context>
<context>
    <name>Switchboard::ConversationListModel</name>
    <message>
        <location filename="../../ui/ConversationListModel.cpp" line="+178"/>
        <source>Escalated: %1</source>
        <translation>Eskaliert: %1</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Conversation</source>
        <translation>Konversation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Consumer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last message</source>
        <translation>Letzte Nachricht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Started</source>
        <translation>Begonnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last activity</source>
        <translation>Letzte Aktivität</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Skill</source>
        <translation>Skill</translation>
    </message>
</context>
<context>
    <name>Switchboard::EscalationDialog</name>
    <message>
        <location filename="../../ui/EscalationDialog.cpp" line="+56"/>
        <source>Escalate All Open Conversations</source>
        <translation>Alle offenen Konversationen eskalieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transfer every open conversation of “%1” (%2 now) to the skill below. The bot stops answering them; this cannot be undone from Switchboard.</source>
        <translation>Jede offene Konversation von „%1“ (derzeit %2) an den unten gewählten Skill übergeben. Der Bot beantwortet sie dann nicht mehr; in Switchboard lässt sich das nicht rückgängig machen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Escalate All (%1)</source>
        <translation>Alle eskalieren (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Escalate Conversation</source>
        <translation>Konversation eskalieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transfer conversation %1 of “%2” to the skill below. The bot stops answering it.</source>
        <translation>Konversation %1 von „%2“ an den unten gewählten Skill übergeben. Der Bot beantwortet sie dann nicht mehr.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Escalate</source>
        <translation>Eskalieren</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Skill to escalate to</source>
        <translation>Skill, an den eskaliert wird</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recorded in the transcript and the event log</source>
        <translation>Wird im Verlauf und im Ereignisprotokoll festgehalten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hand-off text to the consumer</source>
        <translation>Übergabetext an den Kunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional: sent to the consumer before the transfer, e.g. “A colleague will be with you shortly.”</source>
        <translation>Optional: wird dem Kunden vor der Übergabe gesendet, z. B. „Gleich kümmert sich ein Kollege um Sie.“</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Skill:</source>
        <translation>&amp;Skill:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reason:</source>
        <translation>&amp;Grund:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Hand-off text:</source>
        <translation>Ü&amp;bergabetext:</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>There are no open conversations to escalate.</source>
        <translation>Es gibt keine offenen Konversationen zum Eskalieren.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Skill %1</source>
        <translation>Skill %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (fallback)</source>
        <translation>%1 (Ausweich-Skill)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skill id %1</source>
        <translation>Skill-ID %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Skill %1 (fallback)</source>
        <translation>Skill %1 (Ausweich-Skill)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No skills known yet: start the integration to load them</source>
        <translation>Noch keine Skills bekannt: Starten Sie die Integration, um sie zu laden</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The integration is gone.</source>
        <translation>Die Integration existiert nicht mehr.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pick a skill to escalate to.</source>
        <translation>Wählen Sie einen Skill, an den eskaliert wird.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The hand-off text is too long (%1 of at most %2 characters).</source>
        <translation>Der Übergabetext ist zu lang (%1 von höchstens %2 Zeichen).</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Escalated by the operator</source>
        <translation>Vom Operator eskaliert</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Escalating %1 conversations…</source>
        <translation>%1 Konversationen werden eskaliert…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Escalating…</source>
        <translation>Wird eskaliert…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 escalated, %2 failed, %3 to go.</source>
        <translation>%1 eskaliert, %2 fehlgeschlagen, %3 ausstehend.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 escalated, %2 failed:
%3</source>
        <translation>%1 eskaliert, %2 fehlgeschlagen:
%3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The escalation failed: %1</source>
        <translation>Die Eskalation ist fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>Switchboard::EventLogModel</name>
    <message>
        <location filename="../../ui/EventLogModel.cpp" line="+134"/>
        <source>info</source>
        <translation>Info</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Integration</source>
        <translation>Integration</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Conversation</source>
        <translation>Konversation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>Switchboard::EventLogWidget</name>
    <message>
        <location filename="../../ui/EventLogWidget.cpp" line="+36"/>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Minimum level</source>
        <translation>Mindeststufe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All levels</source>
        <translation>Alle Stufen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warnings and errors</source>
        <translation>Warnungen und Fehler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Errors only</source>
        <translation>Nur Fehler</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Integration</source>
        <translation>Integration</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Search the event log</source>
        <translation>Ereignisprotokoll durchsuchen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search code, conversation or message</source>
        <translation>Code, Konversation oder Meldung suchen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Copy the selected rows as text</source>
        <translation>Ausgewählte Zeilen als Text kopieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Event log</source>
        <translation>Ereignisprotokoll</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>All integrations</source>
        <translation>Alle Integrationen</translation>
    </message>
</context>
<context>
    <name>Switchboard::HealthGraphWidget</name>
    <message>
        <location filename="../../ui/HealthGraphWidget.cpp" line="+96"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Bot endpoint health graph</source>
        <translation>Zustandsdiagramm des Bot-Endpunkts</translation>
    </message>
    <message>
        <location line="+430"/>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>now: %1, p95 %2 over the last minute</source>
        <translation>jetzt: %1, p95 %2 in der letzten Minute</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No bot calls in this period</source>
        <translation>Keine Bot-Aufrufe in diesem Zeitraum</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No data</source>
        <translation>Keine Daten</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>calls: %1</source>
        <translation>Aufrufe: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>p50 %1 · p95 %2 · p99 %3</source>
        <translation>p50 %1 · p95 %2 · p99 %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no errors</source>
        <translation>keine Fehler</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>errors: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>endpoint %1</source>
        <translation>Endpunkt %1</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Endpoint %1; %2 calls and %3 errors in the period shown.</source>
        <translation>Endpunkt %1; %2 Aufrufe und %3 Fehler im gezeigten Zeitraum.</translation>
    </message>
</context>
<context>
    <name>Switchboard::HopInspector</name>
    <message>
        <location filename="../../ui/HopInspector.cpp" line="+43"/>
        <source>Delivery inspector</source>
        <translation>Zustellungsinspektor</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Hops of the delivery</source>
        <translation>Stationen der Zustellung</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hop</source>
        <translation>Station</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Attempt</source>
        <translation>Versuch</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Raw JSON of the selected hop</source>
        <translation>Roh-JSON der gewählten Station</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Select a hop to see what went over the wire.</source>
        <translation>Wählen Sie eine Station, um zu sehen, was übertragen wurde.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>LivePerson → connector</source>
        <translation>LivePerson → Connector</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>connector → bot</source>
        <translation>Connector → Bot</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>bot → connector</source>
        <translation>Bot → Connector</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>connector → LivePerson</source>
        <translation>Connector → LivePerson</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Select a consumer message or a bot reply to inspect its delivery.</source>
        <translation>Wählen Sie eine Kundennachricht oder eine Bot-Antwort, um ihre Zustellung zu prüfen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Loading delivery %1…</source>
        <translation>Zustellung %1 wird geladen…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No hops are recorded for delivery %1.</source>
        <translation>Für Zustellung %1 sind keine Stationen aufgezeichnet.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>+%1 ms</source>
        <translation>+%1 ms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Delivery %1 · hops: %2 · end to end: %3 ms</source>
        <translation>Zustellung %1 · Stationen: %2 · gesamt: %3 ms</translation>
    </message>
</context>
<context>
    <name>Switchboard::IntegrationDialog</name>
    <message>
        <location filename="../../ui/IntegrationDialog.cpp" line="+58"/>
        <source>Add Integration</source>
        <translation>Integration hinzufügen</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Integration</source>
        <translation>Integration</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>e.g. Support bot</source>
        <translation>z. B. Support-Bot</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Enabled (started with the application)</source>
        <translation>&amp;Aktiviert (startet mit der Anwendung)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>LivePerson</source>
        <translation>LivePerson</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>e.g. 12345678</source>
        <translation>z. B. 12345678</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Account:</source>
        <translation>&amp;Konto:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;CSDS domain:</source>
        <translation>&amp;CSDS-Domain:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Messaging</source>
        <translation>Messaging</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;hannel:</source>
        <translation>&amp;Kanal:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The bot&apos;s agent user</source>
        <translation>Der Agent-Benutzer des Bots</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Login name:</source>
        <translation>&amp;Anmeldename:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Application keys (OAuth2 client credentials)</source>
        <translation>Anwendungsschlüssel (OAuth2 Client Credentials)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Login &amp;type:</source>
        <translation>Anmelde&amp;art:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Client &amp;id:</source>
        <translation>Client-&amp;ID:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Client &amp;secret:</source>
        <translation>Client-&amp;Secret:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Optional: PEM file with extra trusted certificates</source>
        <translation>Optional: PEM-Datei mit zusätzlichen vertrauenswürdigen Zertifikaten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extra C&amp;A file:</source>
        <translation>Zusätzliche C&amp;A-Datei:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Bot</source>
        <translation>Bot</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Custom Endpoint v1 (LivePerson Third-Party Bots)</source>
        <translation>Custom Endpoint v1 (LivePerson Third-Party Bots)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Webhook with callback</source>
        <translation>Webhook mit Callback</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Protocol:</source>
        <translation>&amp;Protokoll:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>https://bot.example.com</source>
        <translation>https://bot.example.com</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Base URL:</source>
        <translation>&amp;Basis-URL:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bot &amp;id:</source>
        <translation>Bot-&amp;ID:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Environment:</source>
        <translation>&amp;Umgebung:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Application client i&amp;d:</source>
        <translation>Anwendungs-Client-I&amp;D:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Application client &amp;secret:</source>
        <translation>Anwendungs-Client-&amp;Secret:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>https://bot.example.com/events</source>
        <translation>https://bot.example.com/events</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Webhook URL:</source>
        <translation>&amp;Webhook-URL:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Si&amp;gning secret:</source>
        <translation>Si&amp;gnaturschlüssel:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Callback &amp;token:</source>
        <translation>Callback-&amp;Token:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Callback &amp;address:</source>
        <translation>Callback-&amp;Adresse:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>any free port</source>
        <translation>beliebiger freier Port</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Callback p&amp;ort:</source>
        <translation>Callback-P&amp;ort:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Escalation</source>
        <translation>Eskalation</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Optional: the numeric id of the skill the bot serves</source>
        <translation>Optional: die numerische ID des Skills, den der Bot bedient</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bot&apos;s s&amp;kill id:</source>
        <translation>S&amp;kill des Bots:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Pick a skill, or type its numeric id</source>
        <translation>Skill wählen oder numerische ID eingeben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load Skills</source>
        <translation>Skills laden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Log in with the settings above and list the account&apos;s skills</source>
        <translation>Mit den obigen Einstellungen anmelden und die Skills des Kontos auflisten</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Fallback skill:</source>
        <translation>Aus&amp;weich-Skill:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fallback skill</source>
        <translation>Ausweich-Skill</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Without a fallback skill nothing is escalated automatically; the panel alerts you instead.</source>
        <translation>Ohne Ausweich-Skill wird nichts automatisch eskaliert; stattdessen weist das Panel Sie darauf hin.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Delivery</source>
        <translation>Zustellung</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+11"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Bot &amp;timeout:</source>
        <translation>Bot-&amp;Zeitlimit:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Attempts per message:</source>
        <translation>&amp;Versuche pro Nachricht:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Burst window:</source>
        <translation>&amp;Bündelungsfenster:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Messages per burst:</source>
        <translation>&amp;Nachrichten pro Bündel:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Connection test</source>
        <translation>Verbindungstest</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test Connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connection test steps</source>
        <translation>Schritte des Verbindungstests</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Find the LivePerson hosts (CSDS)</source>
        <translation>LivePerson-Hosts ermitteln (CSDS)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log in as the bot&apos;s agent user</source>
        <translation>Als Agent-Benutzer des Bots anmelden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the account&apos;s skills</source>
        <translation>Skills des Kontos lesen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask the bot for its state</source>
        <translation>Den Bot nach seinem Zustand fragen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not run</source>
        <translation>nicht ausgeführt</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Edit Integration “%1”</source>
        <translation>Integration „%1“ bearbeiten</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Skill id %1</source>
        <translation>Skill-ID %1</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Skills loaded: %1.</source>
        <translation>Skills geladen: %1.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Every check passed.</source>
        <translation>Alle Prüfungen bestanden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The connection test failed; the step marked above says why.</source>
        <translation>Der Verbindungstest ist fehlgeschlagen; der oben markierte Schritt nennt den Grund.</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>is required</source>
        <translation>ist erforderlich</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>is not a known skill: pick one from the list (Load Skills fills it) or type its numeric id</source>
        <translation>ist kein bekannter Skill: Wählen Sie einen aus der Liste („Skills laden“ füllt sie) oder geben Sie seine numerische ID ein</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+1"/>
        <source>This field %1.</source>
        <translation>Dieses Feld %1.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No connection test is available here.</source>
        <translation>Hier ist kein Verbindungstest verfügbar.</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+25"/>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Testing…</source>
        <translation>Wird getestet…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>running…</source>
        <translation>läuft…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>No keychain is available, so the secrets cannot be stored.</source>
        <translation>Es ist kein Schlüsselbund verfügbar, daher können die Geheimnisse nicht gespeichert werden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saving the secrets in the keychain…</source>
        <translation>Geheimnisse werden im Schlüsselbund gespeichert…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The keychain went away while saving.</source>
        <translation>Der Schlüsselbund ist während des Speicherns verschwunden.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Could not delete the keychain entry “%1”: %2</source>
        <translation>Der Schlüsselbund-Eintrag „%1“ konnte nicht gelöscht werden: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not store the secret “%1” in the keychain: %2</source>
        <translation>Das Geheimnis „%1“ konnte nicht im Schlüsselbund gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>Switchboard::IntegrationTransfer</name>
    <message>
        <location filename="../../ui/IntegrationTransfer.cpp" line="+43"/>
        <location line="+6"/>
        <source>Cannot write “%1”: %2</source>
        <translation>„%1“ kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot read “%1”: %2</source>
        <translation>„%1“ kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“%1” is too big for an integration file (%2 bytes; at most %3).</source>
        <translation>„%1“ ist zu groß für eine Integrationsdatei (%2 Bytes; höchstens %3).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>“%1” is not a valid integration file:
%2</source>
        <translation>„%1“ ist keine gültige Integrationsdatei:
%2</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>JSON error at offset %1: %2</source>
        <translation>JSON-Fehler bei Position %1: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>expected an object with an &quot;integrations&quot; array (as written by Export)</source>
        <translation>erwartet wird ein Objekt mit einem Array &quot;integrations&quot; (wie es „Exportieren“ schreibt)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>schemaVersion %1 is newer than this version of Switchboard understands (%2)</source>
        <translation>schemaVersion %1 ist neuer, als diese Switchboard-Version versteht (%2)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>must be an object</source>
        <translation>muss ein Objekt sein</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Integrations exported to “%1” (without secrets).</source>
        <translation>Integrationen nach „%1“ exportiert (ohne Geheimnisse).</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Export Integrations</source>
        <translation>Integrationen exportieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Integration files (*.json)</source>
        <translation>Integrationsdateien (*.json)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Import Integrations</source>
        <translation>Integrationen importieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Integration files (*.json);;All files (*)</source>
        <translation>Integrationsdateien (*.json);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>Switchboard::MainWindow</name>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="+40"/>
        <location line="+367"/>
        <source>Switchboard</source>
        <translation>Switchboard</translation>
    </message>
    <message>
        <location line="-347"/>
        <source>&amp;Integration</source>
        <translation>&amp;Integration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add Integration…</source>
        <translation>Integration &amp;hinzufügen…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Edit Integration…</source>
        <translation>Integration bearbei&amp;ten…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Remove Integration…</source>
        <translation>Integration ent&amp;fernen…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start &amp;All</source>
        <translation>&amp;Alle starten</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>St&amp;op All</source>
        <translation>Alle sto&amp;ppen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start &amp;Sandbox</source>
        <translation>&amp;Sandbox starten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Conversation</source>
        <translation>&amp;Konversation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Escalate…</source>
        <translation>&amp;Eskalieren…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Escalate &amp;All Open…</source>
        <translation>&amp;Alle offenen eskalieren…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next Integration</source>
        <translation>&amp;Nächste Integration</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Previous Integration</source>
        <translation>&amp;Vorherige Integration</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Go to Integration</source>
        <translation>&amp;Zu Integration wechseln</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+282"/>
        <source>Integration %1</source>
        <translation>Integration %1</translation>
    </message>
    <message>
        <location line="-218"/>
        <source>Integrations</source>
        <translation>Integrationen</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Event Log</source>
        <translation>Ereignisprotokoll</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Sandbox</source>
        <translation>Sandbox</translation>
    </message>
    <message>
        <location line="+115"/>
        <source>%1 — Switchboard</source>
        <translation>%1 — Switchboard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No integrations configured</source>
        <translation>Keine Integrationen eingerichtet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Integrations: %1</source>
        <translation>Integrationen: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Remove Integration</source>
        <translation>Integration entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the integration “%1”? Its session stops, and its configuration and keychain entries are deleted. Transcripts stay.</source>
        <translation>Die Integration „%1“ entfernen? Ihre Sitzung endet, ihre Konfiguration und ihre Schlüsselbund-Einträge werden gelöscht. Die Verläufe bleiben erhalten.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location line="-289"/>
        <source>&lt;h2&gt;No bot integrations yet&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Noch keine Bot-Integrationen&lt;/h2&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>An integration connects one bot to LivePerson: Switchboard logs in as the bot&apos;s agent user, forwards each consumer message to the bot&apos;s endpoint, posts the replies back and escalates to a fallback skill when the bot fails.

Add an integration for your LivePerson account, or start the sandbox to watch a demo bot answer simulated consumers without an account.</source>
        <translation>Eine Integration verbindet einen Bot mit LivePerson: Switchboard meldet sich als Agent-Benutzer des Bots an, leitet jede Kundennachricht an den Endpunkt des Bots weiter, sendet die Antworten zurück und eskaliert an einen Ausweich-Skill, wenn der Bot versagt.

Fügen Sie eine Integration für Ihr LivePerson-Konto hinzu, oder starten Sie die Sandbox und sehen Sie einem Demo-Bot zu, der simulierten Kunden antwortet – ganz ohne Konto.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Add Integration…</source>
        <translation>Integration hinzufügen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add integration</source>
        <translation>Integration hinzufügen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start Sandbox</source>
        <translation>Sandbox starten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start the LivePerson sandbox</source>
        <translation>Die LivePerson-Sandbox starten</translation>
    </message>
</context>
<context>
    <name>Switchboard::SandboxPanel</name>
    <message>
        <location filename="../../ui/SandboxPanel.cpp" line="+35"/>
        <source>Sandbox controls</source>
        <translation>Sandbox-Steuerung</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sandbox results</source>
        <translation>Sandbox-Ergebnisse</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Results of sandbox commands appear here.</source>
        <translation>Hier erscheinen die Ergebnisse der Sandbox-Befehle.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Consumer “%1” opened conversation %2.</source>
        <translation>Kunde „%1“ hat Konversation %2 eröffnet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Adding a consumer failed: %1</source>
        <translation>Hinzufügen eines Kunden fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sent to %1.</source>
        <translation>An %1 gesendet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sending to %1 failed: %2</source>
        <translation>Senden an %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Conversation %1 closed.</source>
        <translation>Konversation %1 geschlossen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closing %1 failed: %2</source>
        <translation>Schließen von %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Fault injected. %1</source>
        <translation>Fehler eingespeist. %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fault refused: %1</source>
        <translation>Fehlereinspeisung abgelehnt: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Demo bot behaviour changed. %1</source>
        <translation>Verhalten des Demo-Bots geändert. %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changing the demo bot failed: %1</source>
        <translation>Ändern des Demo-Bots fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Simulated consumers</source>
        <translation>Simulierte Kunden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Consumer name</source>
        <translation>Name des Kunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name (optional)</source>
        <translation>Name (optional)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add Consumer</source>
        <translation>Kunden hinzufügen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Consumer %1</source>
        <translation>Kunde %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Consumers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Message as the consumer</source>
        <translation>Nachricht als Kunde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type as the selected consumer and press Enter</source>
        <translation>Als gewählter Kunde schreiben und Eingabetaste drücken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close Conversation</source>
        <translation>Konversation schließen</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Faults</source>
        <translation>Störungen</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Drop Sockets</source>
        <translation>Sockets trennen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cut every agent connection without a close frame</source>
        <translation>Jede Agent-Verbindung ohne Close-Frame kappen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Revoke Tokens</source>
        <translation>Tokens widerrufen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Invalidate every bearer token: the connector must log in again</source>
        <translation>Jedes Bearer-Token ungültig machen: der Connector muss sich neu anmelden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expire Rings</source>
        <translation>Angebote verfallen lassen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Let pending conversation offers time out</source>
        <translation>Ausstehende Konversationsangebote ablaufen lassen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Login name to kick</source>
        <translation>Anmeldename, der verdrängt wird</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agent login name</source>
        <translation>Anmeldename des Agenten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kick Session</source>
        <translation>Sitzung verdrängen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Log the agent user in elsewhere, as a second login would</source>
        <translation>Den Agent-Benutzer anderswo anmelden, wie es eine zweite Anmeldung täte</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Route to fail</source>
        <translation>Route, die fehlschlägt</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+59"/>
        <source>HTTP status</source>
        <translation>HTTP-Status</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>How many requests fail</source>
        <translation>Wie viele Anfragen fehlschlagen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> ×</source>
        <translation> ×</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fail Route</source>
        <translation>Route stören</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Demo bot</source>
        <translation>Demo-Bot</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Demo bot behaviour</source>
        <translation>Verhalten des Demo-Bots</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Slow</source>
        <translation>Langsam</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failing (HTTP 5xx)</source>
        <translation>Fehlerhaft (HTTP 5xx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Malformed replies</source>
        <translation>Fehlerhafte Antworten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Never answers</source>
        <translation>Antwortet nie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reports offline</source>
        <translation>Meldet sich offline</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delay</source>
        <translation>Verzögerung</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Behaviour:</source>
        <translation>&amp;Verhalten:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delay:</source>
        <translation>Verzö&amp;gerung:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1  ✗ %2</source>
        <translation>%1  ✗ %2</translation>
    </message>
</context>
<context>
    <name>Switchboard::SecretLineEdit</name>
    <message>
        <location filename="../../ui/SecretLineEdit.cpp" line="+18"/>
        <source>•••• stored in the keychain</source>
        <translation>•••• im Schlüsselbund gespeichert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace…</source>
        <translation>Ersetzen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep Stored</source>
        <translation>Gespeichertes behalten</translation>
    </message>
</context>
<context>
    <name>Switchboard::SessionListModel</name>
    <message>
        <location filename="../../ui/SessionListModel.cpp" line="+129"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>Switchboard::SessionPanel</name>
    <message>
        <location filename="../../ui/SessionPanel.cpp" line="+50"/>
        <source>Integration %1</source>
        <translation>Integration %1</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Log in and start serving conversations</source>
        <translation>Anmelden und Konversationen bedienen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop serving conversations and log out</source>
        <translation>Keine Konversationen mehr bedienen und abmelden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Escalate…</source>
        <translation>Eskalieren…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transfer the selected conversation to a skill (Ctrl+E)</source>
        <translation>Die gewählte Konversation an einen Skill übergeben (Strg+E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Escalate All Open…</source>
        <translation>Alle offenen eskalieren…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transfer every open conversation to a skill (Ctrl+Shift+E)</source>
        <translation>Jede offene Konversation an einen Skill übergeben (Strg+Umschalt+E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy Conversation Id</source>
        <translation>Konversations-ID kopieren</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Session state</source>
        <translation>Sitzungszustand</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Dismiss the alert</source>
        <translation>Hinweis schließen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Show conversations</source>
        <translation>Konversationen anzeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Escalated</source>
        <translation>Eskaliert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Search conversations</source>
        <translation>Konversationen durchsuchen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search text or id</source>
        <translation>Text oder ID suchen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Conversations</source>
        <translation>Konversationen</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Transcript</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Loading conversation %1…</source>
        <translation>Konversation %1 wird geladen…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Bot endpoint health</source>
        <translation>Zustand des Bot-Endpunkts</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>5 min</source>
        <translation>5 Min.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 h</source>
        <translation>1 Std.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>24 h</source>
        <translation>24 Std.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Show the last %1</source>
        <translation>Die letzten %1 anzeigen</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>open: %1</source>
        <translation>offen: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Conversations open: %1 · escalated: %2</source>
        <translation>Offene Konversationen: %1 · eskaliert: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 msg/min</source>
        <translation>%1 Nachr./Min.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consumer messages %1, bot replies %2, bot failures %3</source>
        <translation>Kundennachrichten %1, Bot-Antworten %2, Bot-Fehler %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>escalations today: %1</source>
        <translation>Eskalationen heute: %1</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Select a conversation to follow its transcript.</source>
        <translation>Wählen Sie eine Konversation, um ihren Verlauf zu verfolgen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Conversation %1 · consumer %2 · %3</source>
        <translation>Konversation %1 · Kunde %2 · %3</translation>
    </message>
</context>
<context>
    <name>Switchboard::StructuredContentLayout</name>
    <message>
        <location filename="../../ui/StructuredContentLayout.cpp" line="+117"/>
        <source>[nested too deeply]</source>
        <translation>[zu tief verschachtelt]</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>more cards: +%1</source>
        <translation>weitere Karten: +%1</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Map %1, %2</source>
        <translation>Karte %1, %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>[unsupported element “%1”]</source>
        <translation>[nicht unterstütztes Element „%1“]</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>sends “%1”</source>
        <translation>sendet „%1“</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>opens %1</source>
        <translation>öffnet %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>navigates to %1, %2</source>
        <translation>navigiert zu %1, %2</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
</context>
<context>
    <name>Switchboard::TranscriptDelegate</name>
    <message>
        <location filename="../../ui/TranscriptDelegate.cpp" line="+142"/>
        <source>%1… (+%2 characters: see the inspector)</source>
        <translation>%1… (+%2 Zeichen: siehe Inspektor)</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+12"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>How to fix: %1</source>
        <translation>So beheben Sie es: %1</translation>
    </message>
    <message>
        <location line="+142"/>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
</context>
<context>
    <name>Switchboard::TranscriptModel</name>
    <message>
        <location filename="../../ui/TranscriptModel.cpp" line="+199"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2)
%3</source>
        <translation>%1 (%2)
%3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 at %2: %3</source>
        <translation>%1 um %2: %3</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../app/gui/main.cpp" line="+31"/>
        <source>Operator console that connects custom bots to LivePerson Conversational Cloud.</source>
        <translation>Operator-Konsole, die eigene Bots mit LivePerson Conversational Cloud verbindet.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Start the built-in LivePerson sandbox, a demo bot, an integration joining them and simulated consumers.</source>
        <translation>Die eingebaute LivePerson-Sandbox starten, dazu einen Demo-Bot, eine Integration zwischen beiden und simulierte Kunden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Read and write integrations in &lt;dir&gt; instead of the platform location.</source>
        <translation>Integrationen in &lt;dir&gt; statt am Standardort der Plattform lesen und schreiben.</translation>
    </message>
</context>
</TS>
