<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Connector</name>
    <message>
        <location filename="../../core/connector/ConnectorTypes.cpp" line="+14"/>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>resolving hosts</source>
        <translatorcomment>Fits „Integration „%1“ ist %2.“ (SessionManager).</translatorcomment>
        <translation>bei der Host-Ermittlung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>logging in</source>
        <translatorcomment>Fits „Integration „%1“ ist %2.“ (SessionManager).</translatorcomment>
        <translation>bei der Anmeldung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>connecting</source>
        <translatorcomment>Fits „Integration „%1“ ist %2.“ (SessionManager).</translatorcomment>
        <translation>beim Verbindungsaufbau</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reconnecting</source>
        <translatorcomment>Fits „Integration „%1“ ist %2.“ (SessionManager).</translatorcomment>
        <translation>beim erneuten Verbindungsaufbau</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>kicked by another login</source>
        <translation>durch eine andere Anmeldung verdrängt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>healthy</source>
        <translatorcomment>Endpoint health; also shown as „Endpunkt %1“ and „jetzt: %1“ in the health graph.</translatorcomment>
        <translation>intakt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>degraded</source>
        <translation>beeinträchtigt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>down</source>
        <translation>ausgefallen</translation>
    </message>
</context>
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
    <name>Switchboard::Bot</name>
    <message>
        <location filename="../../core/bot/ReplyParser.cpp" line="+88"/>
        <source>metadata entries must be objects, got %1</source>
        <translation>Metadaten-Einträge müssen Objekte sein, erhalten: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>expected an array or object, got %1</source>
        <translation>Array oder Objekt erwartet, erhalten: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>ExternalId id must be a string of 1 to %1 characters</source>
        <translation>die ExternalId-id muss ein String mit 1 bis %1 Zeichen sein</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 characters, at most %2 are allowed</source>
        <translation>%1 Zeichen, höchstens %2 sind erlaubt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>not valid base64</source>
        <translation>kein gültiges Base64</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: encodedMetadata is messaging-only; dropped on chat</source>
        <translation>%1: encodedMetadata gibt es nur bei Messaging; im Chat verworfen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>expected a base64 string, got %1</source>
        <translation>Base64-String erwartet, erhalten: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <location filename="../../core/bot/StructuredContentValidator.cpp" line="+87"/>
        <location line="+2"/>
        <location line="+2"/>
        <source>required string is missing</source>
        <translation>erforderlicher String fehlt</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+123"/>
        <location line="+13"/>
        <source>expected a string, got %1</source>
        <translation>String erwartet, erhalten: %1</translation>
    </message>
    <message>
        <location line="-131"/>
        <source>the message text is empty</source>
        <translation>der Nachrichtentext ist leer</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>must be &quot;ALL&quot; or &quot;AGENTS_AND_MANAGERS&quot;</source>
        <translation>muss &quot;ALL&quot; oder &quot;AGENTS_AND_MANAGERS&quot; sein</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>required object is missing</source>
        <translation>erforderliches Objekt fehlt</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+72"/>
        <source>expected an object, got %1</source>
        <translation>Objekt erwartet, erhalten: %1</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>required whole number of seconds is missing</source>
        <translation>erforderliche ganze Zahl von Sekunden fehlt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is not a whole number of seconds from 1 to 3600</source>
        <translation>%1 ist keine ganze Zahl von Sekunden zwischen 1 und 3600</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+62"/>
        <source>expected a boolean, got %1</source>
        <translation>Boolescher Wert erwartet, erhalten: %1</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>%1: agentId should be a string</source>
        <translation>%1: agentId sollte ein String sein</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>TRANSFER needs a skillName or an agentId</source>
        <translation>TRANSFER braucht einen skillName oder eine agentId</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>CUSTOM needs a value (a number or a non-empty string)</source>
        <translation>CUSTOM braucht einen value (eine Zahl oder einen nicht leeren String)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>must be URGENT, NORMAL, PRIORITIZED or CUSTOM</source>
        <translation>muss URGENT, NORMAL, PRIORITIZED oder CUSTOM sein</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: INVOKE_FUNCTION (LivePerson Functions) is not supported by Switchboard, and failOnError is set</source>
        <translation>%1: INVOKE_FUNCTION (LivePerson Functions) wird von Switchboard nicht unterstützt, und failOnError ist gesetzt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: INVOKE_FUNCTION (LivePerson Functions) is not supported by Switchboard; ignored as a failed invocation (failOnError is false)</source>
        <translation>%1: INVOKE_FUNCTION (LivePerson Functions) wird von Switchboard nicht unterstützt; als fehlgeschlagener Aufruf ignoriert (failOnError ist false)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>required action name is missing</source>
        <translation>erforderlicher Aktionsname fehlt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown action %1</source>
        <translation>unbekannte Aktion %1</translation>
    </message>
    <message>
        <location filename="../../core/bot/StructuredContentValidator.cpp" line="-30"/>
        <source>expected an object</source>
        <translation>Objekt erwartet</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>required property is missing</source>
        <translation>erforderliche Eigenschaft fehlt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>unknown structured-content element type &quot;%1&quot;</source>
        <translation>unbekannter Structured-Content-Elementtyp „%1“</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>required array is missing</source>
        <translation>erforderliches Array fehlt</translation>
    </message>
</context>
<context>
    <name>Switchboard::Bot::BotErrors</name>
    <message>
        <location filename="../../core/bot/BotErrors.cpp" line="+169"/>
        <source>Unknown bot error &quot;%1&quot;.</source>
        <translation>Unbekannter Bot-Fehler „%1“.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The bot did not answer within the timeout (%1).</source>
        <translation>Der Bot hat nicht innerhalb des Zeitlimits geantwortet (%1).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connection to the bot failed: %1</source>
        <translation>Die Verbindung zum Bot ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Host name not resolved: %1</source>
        <translation>Hostname nicht aufgelöst: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Proxy failed: %1</source>
        <translation>Proxy fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TLS failed: %1</source>
        <translation>TLS fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The bot&apos;s answer exceeded the size limit (%1).</source>
        <translation>Die Antwort des Bots hat die Größenbegrenzung überschritten (%1).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HTTP protocol error: %1</source>
        <translation>HTTP-Protokollfehler: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Request to the bot failed: %1</source>
        <translation>Die Anfrage an den Bot ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+9"/>
        <location line="+2"/>
        <source>The bot answered HTTP %1.</source>
        <translation>Der Bot hat mit HTTP %1 geantwortet.</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>The bot answered HTTP 404.</source>
        <translation>Der Bot hat mit HTTP 404 geantwortet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The bot answered HTTP 429.</source>
        <translation>Der Bot hat mit HTTP 429 geantwortet.</translation>
    </message>
</context>
<context>
    <name>Switchboard::Bot::CallbackBodyParser</name>
    <message>
        <location filename="../../core/bot/CallbackBodyParser.cpp" line="+35"/>
        <source>The body is empty; expected a JSON object.</source>
        <translation>Der Body ist leer; erwartet wird ein JSON-Objekt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The body is not valid JSON: %1 at offset %2.</source>
        <translation>Der Body ist kein gültiges JSON: %1 bei Position %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The body must be a JSON object.</source>
        <translation>Der Body muss ein JSON-Objekt sein.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>$.version: required (1).</source>
        <translation>$.version: erforderlich (1).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>$.version: only version 1 is supported.</source>
        <translation>$.version: nur Version 1 wird unterstützt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>$.deliveryId: a non-empty string is required.</source>
        <translation>$.deliveryId: ein nicht leerer String ist erforderlich.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>$.conversationId: a non-empty string is required.</source>
        <translation>$.conversationId: ein nicht leerer String ist erforderlich.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>$.replies: an array is required.</source>
        <translation>$.replies: ein Array ist erforderlich.</translation>
    </message>
</context>
<context>
    <name>Switchboard::Bot::CallbackServer</name>
    <message>
        <location filename="../../core/bot/CallbackServer.cpp" line="+268"/>
        <source>The callback server cannot listen on %1:%2: %3</source>
        <translation>Der Callback-Server kann nicht auf %1:%2 lauschen: %3</translation>
    </message>
    <message>
        <location line="+168"/>
        <source>Unknown path &quot;%1&quot;; post to /connector/{consumerId}.</source>
        <translation>Unbekannter Pfad „%1“; senden Sie an /connector/{consumerId}.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Use POST for callbacks.</source>
        <translation>Verwenden Sie POST für Callbacks.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The body has %1 bytes; the limit is %2.</source>
        <translation>Der Body hat %1 Bytes; die Grenze liegt bei %2.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The Authorization header is missing; send &apos;Authorization: Bearer &lt;callback token&gt;&apos;.</source>
        <translation>Der Authorization-Header fehlt; senden Sie &apos;Authorization: Bearer &lt;callback token&gt;&apos;.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The Authorization header is not a Bearer token.</source>
        <translation>Der Authorization-Header ist kein Bearer-Token.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The bearer token is not valid for any integration.</source>
        <translation>Das Bearer-Token ist für keine Integration gültig.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Consumer &quot;%1&quot; has no open conversation with this integration.</source>
        <translation>Kunde „%1“ hat keine offene Konversation mit dieser Integration.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Too many callbacks for consumer &quot;%1&quot;; retry after %2 s.</source>
        <translation>Zu viele Callbacks für Kunde „%1“; erneut versuchen in %2 s.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Consumer &quot;%1&quot; has no conversation &quot;%2&quot; with this integration.</source>
        <translation>Kunde „%1“ hat keine Konversation „%2“ mit dieser Integration.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Delivery &quot;%1&quot; was not sent in conversation &quot;%2&quot;.</source>
        <translation>Zustellung „%1“ wurde nicht in Konversation „%2“ gesendet.</translation>
    </message>
</context>
<context>
    <name>Switchboard::Bot::CustomEndpointClient</name>
    <message>
        <location filename="../../core/bot/CustomEndpointClient.cpp" line="+269"/>
        <source>The base URL &quot;%1&quot; is not an http:// or https:// URL.</source>
        <translation>Die Basis-URL „%1“ ist keine http://- oder https://-URL.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The base URL &quot;%1&quot; must not have a query or fragment.</source>
        <translation>Die Basis-URL „%1“ darf keine Query und kein Fragment enthalten.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The bot id &quot;%1&quot; must be 1 to 36 letters, digits or &apos;-&apos;.</source>
        <translation>Die Bot-ID „%1“ muss aus 1 bis 36 Buchstaben, Ziffern oder &apos;-&apos; bestehen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The environment is empty (use &quot;draft&quot;).</source>
        <translation>Die Umgebung ist leer (verwenden Sie &quot;draft&quot;).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The application&apos;s client id and secret, the account id and the Sentinel host are needed.</source>
        <translation>Client-ID und Client-Secret der Anwendung, die Konto-ID und der Sentinel-Host werden benötigt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The timeout and the number of attempts must be at least 1.</source>
        <translation>Das Zeitlimit und die Anzahl der Versuche müssen mindestens 1 sein.</translation>
    </message>
    <message>
        <location line="+450"/>
        <source>Creating the conversation failed: %1</source>
        <translation>Das Anlegen der Konversation ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+264"/>
        <source>The state answer is not {&quot;state&quot;:…,&quot;version&quot;:…}.</source>
        <translation>Die Zustandsantwort hat nicht die Form {&quot;state&quot;:…,&quot;version&quot;:…}.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The bot reports state &quot;%1&quot; for environment &quot;%2&quot;.</source>
        <translation>Der Bot meldet den Zustand „%1“ für die Umgebung „%2“.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The environments answer is not a JSON array of strings.</source>
        <translation>Die Antwort mit den Umgebungen ist kein JSON-Array aus Strings.</translation>
    </message>
</context>
<context>
    <name>Switchboard::Bot::JsonSchemaValidator</name>
    <message>
        <location filename="../../core/bot/JsonSchemaValidator.cpp" line="+186"/>
        <source>No JSON schema files in &quot;%1&quot;.</source>
        <translation>Keine JSON-Schemadateien in „%1“.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot read schema &quot;%1&quot;: %2</source>
        <translation>Schema „%1“ kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Schema &quot;%1&quot; is not a JSON object: %2</source>
        <translation>Schema „%1“ ist kein JSON-Objekt: %2</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Schema &quot;%1&quot; is not available.</source>
        <translation>Schema „%1“ ist nicht verfügbar.</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>no value is allowed here</source>
        <translation>hier ist kein Wert erlaubt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A schema node at %1 is not an object; it was skipped.</source>
        <translation>Ein Schemaknoten bei %1 ist kein Objekt; er wurde übersprungen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>schema nesting too deep (recursive $ref?)</source>
        <translation>Schema zu tief verschachtelt (rekursives $ref?)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Unresolved $ref &quot;%1&quot; (from %2); not checked.</source>
        <translation>Nicht aufgelöste $ref „%1“ (von %2); nicht geprüft.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Unknown type name &quot;%1&quot; in a schema; treated as any.</source>
        <translation>Unbekannter Typname „%1“ in einem Schema; als beliebiger Typ behandelt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>expected %1, got %2</source>
        <translation>%1 erwartet, erhalten: %2</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1 is not one of %2</source>
        <translation>%1 ist keiner der Werte %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>must be %1</source>
        <translation>muss %1 sein</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>shorter than %1 characters</source>
        <translation>kürzer als %1 Zeichen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>longer than %1 characters (%2)</source>
        <translation>länger als %1 Zeichen (%2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pattern &quot;%1&quot; is not a valid regular expression; not checked.</source>
        <translation>Das Muster „%1“ ist kein gültiger regulärer Ausdruck; nicht geprüft.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>does not match the pattern %1</source>
        <translation>entspricht nicht dem Muster %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 is less than the minimum %2%3</source>
        <translation>%1 ist kleiner als das Minimum %2%3</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+14"/>
        <source> (exclusive)</source>
        <translatorcomment>Appended to „… das Minimum %2%3“ / „… das Maximum %2%3“.</translatorcomment>
        <translation> (ausschließlich)</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>%1 must be greater than %2</source>
        <translation>%1 muss größer als %2 sein</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 is greater than the maximum %2%3</source>
        <translation>%1 ist größer als das Maximum %2%3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 must be less than %2</source>
        <translation>%1 muss kleiner als %2 sein</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is not a multiple of %2</source>
        <translation>%1 ist kein Vielfaches von %2</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>matches none of the alternatives (anyOf)</source>
        <translation>passt zu keiner der Alternativen (anyOf)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>matches none of the alternatives (oneOf)</source>
        <translation>passt zu keiner der Alternativen (oneOf)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>matches %1 alternatives (%2); exactly one is allowed (oneOf)</source>
        <translation>passt zu %1 Alternativen (%2); genau eine ist erlaubt (oneOf)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>must not match the schema given in &quot;not&quot;</source>
        <translation>darf nicht dem unter &quot;not&quot; angegebenen Schema entsprechen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>required property is missing</source>
        <translation>erforderliche Eigenschaft fehlt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>has fewer than %1 properties</source>
        <translation>hat weniger als %1 Eigenschaften</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>has more than %1 properties</source>
        <translation>hat mehr als %1 Eigenschaften</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>property &quot;%1&quot; is not allowed here</source>
        <translation>Eigenschaft „%1“ ist hier nicht erlaubt</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>has fewer than %1 items (%2)</source>
        <translation>hat weniger als %1 Elemente (%2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>has more than %1 items (%2)</source>
        <translation>hat mehr als %1 Elemente (%2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>duplicates item %1 (uniqueItems)</source>
        <translation>wiederholt Element %1 (uniqueItems)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>no more than %1 items are allowed</source>
        <translation>höchstens %1 Elemente sind erlaubt</translation>
    </message>
</context>
<context>
    <name>Switchboard::Bot::QuickReplies</name>
    <message>
        <location filename="../../core/bot/QuickReplies.cpp" line="+37"/>
        <source>%1. %2</source>
        <extracomment>One quick-reply option listed in a chat text: %1 its number, %2 its title.</extracomment>
        <translation>%1. %2</translation>
    </message>
</context>
<context>
    <name>Switchboard::Bot::ReplyParser</name>
    <message>
        <location filename="../../core/bot/ReplyParser.cpp" line="+34"/>
        <source>The bot answered with an empty body.</source>
        <translation>Der Bot hat mit einem leeren Body geantwortet.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The bot&apos;s answer is not JSON: %1 at offset %2.</source>
        <translation>Die Antwort des Bots ist kein JSON: %1 bei Position %2.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+42"/>
        <location line="+18"/>
        <source>expected an object, got %1</source>
        <translation>Objekt erwartet, erhalten: %1</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>required array is missing</source>
        <translation>erforderliches Array fehlt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected an array, got %1</source>
        <translation>Array erwartet, erhalten: %1</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>required object is missing</source>
        <translation>erforderliches Objekt fehlt</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>required item type is missing</source>
        <translation>erforderlicher Elementtyp fehlt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown item type %1 (expected TEXT, STRUCTURED_CONTENT, DELAY or ACTION)</source>
        <translation>unbekannter Elementtyp %1 (erwartet: TEXT, STRUCTURED_CONTENT, DELAY oder ACTION)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Only one action per response is performed; %1 item(s) after the action at %2 were dropped: %3</source>
        <translation>Pro Antwort wird nur eine Aktion ausgeführt; Elemente nach der Aktion bei %2 wurden verworfen (Anzahl: %1): %3</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1: intent ignored (needs an id without spaces and a confidenceScore from 0 to 1)</source>
        <translation>%1: Intent ignoriert (braucht eine id ohne Leerzeichen und einen confidenceScore von 0 bis 1)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: expected an array; intents ignored</source>
        <translation>%1: Array erwartet; Intents ignoriert</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: expected an object; analytics ignored</source>
        <translation>%1: Objekt erwartet; Analytics ignoriert</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 is empty: the bot sent no message and no action.</source>
        <translation>%1 ist leer: Der Bot hat weder eine Nachricht noch eine Aktion gesendet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 holds no message and no action.</source>
        <translation>%1 enthält weder eine Nachricht noch eine Aktion.</translation>
    </message>
</context>
<context>
    <name>Switchboard::Bot::SentinelTokenProvider</name>
    <message>
        <location filename="../../core/bot/SentinelTokenProvider.cpp" line="+120"/>
        <source>Sentinel host, account id, client id and client secret are all needed for an App JWT.</source>
        <translation>Sentinel-Host, Konto-ID, Client-ID und Client-Secret werden alle für ein App JWT benötigt.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No HTTP client is available for Sentinel.</source>
        <translation>Für Sentinel ist kein HTTP-Client verfügbar.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Sentinel could not be reached: %1</source>
        <translation>Sentinel war nicht erreichbar: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sentinel refused the application credentials (HTTP %1).</source>
        <translation>Sentinel hat die Anwendungs-Zugangsdaten abgelehnt (HTTP %1).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sentinel answered HTTP %1.</source>
        <translation>Sentinel hat mit HTTP %1 geantwortet.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sentinel&apos;s answer has no access_token.</source>
        <translation>Die Antwort von Sentinel enthält kein access_token.</translation>
    </message>
</context>
<context>
    <name>Switchboard::Bot::StructuredContentValidator</name>
    <message>
        <location filename="../../core/bot/StructuredContentValidator.cpp" line="+80"/>
        <source>schema unavailable in this build</source>
        <translation>Schema in diesem Build nicht verfügbar</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>quick replies need a non-empty message text</source>
        <translation>Quick Replies brauchen einen nicht leeren Nachrichtentext</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>property &quot;%1&quot; is not allowed beside quickReplies</source>
        <translation>Eigenschaft „%1“ ist neben quickReplies nicht erlaubt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>expected object, got %1</source>
        <translation>Objekt erwartet, erhalten: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>quick replies are not supported on the chat channel</source>
        <translation>Quick Replies werden im Chat-Kanal nicht unterstützt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>must be &quot;quickReplies&quot;</source>
        <translation>muss &quot;quickReplies&quot; sein</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>must be a whole number from 1 to %1</source>
        <translation>muss eine ganze Zahl von 1 bis %1 sein</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>needs at least one reply button</source>
        <translation>braucht mindestens einen Antwort-Button</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>has more than %1 replies (%2)</source>
        <translation>hat mehr als %1 Antworten (%2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>each quick reply must be a button element</source>
        <translation>jede Quick Reply muss ein button-Element sein</translation>
    </message>
    <message>
        <location line="+34"/>
        <location line="+6"/>
        <source>image URLs must use https://</source>
        <translation>Bild-URLs müssen https:// verwenden</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>publishText longer than %1 characters</source>
        <translation>publishText länger als %1 Zeichen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>ExternalId id must be a string of 1 to %1 characters</source>
        <translation>die ExternalId-id muss ein String mit 1 bis %1 Zeichen sein</translation>
    </message>
</context>
<context>
    <name>Switchboard::Bot::WebhookClient</name>
    <message>
        <location filename="../../core/bot/WebhookClient.cpp" line="+72"/>
        <source>The webhook URL &quot;%1&quot; is not an http:// or https:// URL.</source>
        <translation>Die Webhook-URL „%1“ ist keine http://- oder https://-URL.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The integration id is empty.</source>
        <translation>Die Integrations-ID ist leer.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The signing secret must have at least 16 bytes.</source>
        <translation>Der Signaturschlüssel muss mindestens 16 Bytes lang sein.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The callback token must have at least 16 characters.</source>
        <translation>Das Callback-Token muss mindestens 16 Zeichen lang sein.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The timeouts and the number of attempts must be at least 1.</source>
        <translation>Die Zeitlimits und die Anzahl der Versuche müssen mindestens 1 sein.</translation>
    </message>
    <message>
        <location line="+227"/>
        <source>The bot answered %1 (answer later), but no callback server is running.</source>
        <translation>Der Bot hat mit %1 geantwortet (Antwort folgt später), aber es läuft kein Callback-Server.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No callback for delivery &quot;%1&quot; within %2 ms of the bot&apos;s acknowledgement.</source>
        <translation>Kein Callback für Zustellung „%1“ innerhalb von %2 ms nach der Bestätigung des Bots.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>$.version: only version 1 is supported.</source>
        <translation>$.version: nur Version 1 wird unterstützt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>$.deliveryId: the answer names delivery &quot;%1&quot;, not &quot;%2&quot;.</source>
        <translation>$.deliveryId: die Antwort nennt die Zustellung „%1“, nicht „%2“.</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>The bot&apos;s callback for delivery &quot;%1&quot; holds no message and no action.</source>
        <translation>Der Callback des Bots für Zustellung „%1“ enthält weder eine Nachricht noch eine Aktion.</translation>
    </message>
    <message>
        <location line="+119"/>
        <source>The bot reports state &quot;%1&quot;.</source>
        <translation>Der Bot meldet den Zustand „%1“.</translation>
    </message>
</context>
<context>
    <name>Switchboard::Connector::ConnectionTestWorker</name>
    <message>
        <location filename="../../core/connector/LiveConnectionTest.cpp" line="+57"/>
        <source>Asking the Domain API at %1…</source>
        <translation>Domain API bei %1 wird abgefragt…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The Domain API lists no “agentVep” service for this account.</source>
        <translation>Die Domain API listet für dieses Konto keinen Dienst „agentVep“.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Login Service at %1, messaging at %2.</source>
        <translation>Login Service bei %1, Messaging bei %2.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Skipped: an earlier step failed.</source>
        <translation>Übersprungen: Ein vorheriger Schritt ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Logging in as “%1”…</source>
        <translation>Anmeldung als „%1“…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Logged in as agent user %1.</source>
        <translation>Als Agent-Benutzer %1 angemeldet.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reading the account&apos;s skills…</source>
        <translation>Die Skills des Kontos werden gelesen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The Domain API lists no “accountConfigReadOnly” service.</source>
        <translation>Die Domain API listet keinen Dienst „accountConfigReadOnly“.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The fallback skill %1 does not exist in this account.</source>
        <translation>Der Ausweich-Skill %1 existiert in diesem Konto nicht.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The fallback skill is the bot&apos;s own skill: escalations would loop back to the bot.</source>
        <translation>Der Ausweich-Skill ist der eigene Skill des Bots: Eskalationen würden zum Bot zurückführen.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n skill(s) found.</source>
        <translation>
            <numerusform>%n Skill gefunden.</numerusform>
            <numerusform>%n Skills gefunden.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Asking the bot for its state…</source>
        <translation>Der Bot wird nach seinem Zustand gefragt…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The bot is online.</source>
        <translation>Der Bot ist online.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The bot is online (version %1).</source>
        <translation>Der Bot ist online (Version %1).</translation>
    </message>
</context>
<context>
    <name>Switchboard::Connector::SessionEngine</name>
    <message>
        <location filename="../../core/connector/SessionEngine.cpp" line="+224"/>
        <source>The integration is not configured completely.</source>
        <translation>Die Integration ist nicht vollständig eingerichtet.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Sentinel of “%1” could not be found: %2</source>
        <translation>Sentinel von „%1“ wurde nicht gefunden: %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The bot of the integration is not configured completely.</source>
        <translation>Der Bot der Integration ist nicht vollständig eingerichtet.</translation>
    </message>
    <message>
        <location line="+226"/>
        <source>Conversation joined on skill %1.</source>
        <translation>Konversation auf Skill %1 übernommen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+136"/>
        <source>The bot endpoint is down.</source>
        <translation>Der Bot-Endpunkt ist ausgefallen.</translation>
    </message>
    <message>
        <location line="-100"/>
        <source>Post-conversation survey started (dialog %1).</source>
        <translation>Umfrage nach der Konversation begonnen (Dialog %1).</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>[rich content]</source>
        <translation>[Rich Content]</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Arrived during the escalation: not sent to the bot; the agents taking over see it in LivePerson.</source>
        <translation>Während der Eskalation eingegangen: nicht an den Bot gesendet; die übernehmenden Agenten sehen sie in LivePerson.</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>the conversation was closed</source>
        <translation>die Konversation wurde geschlossen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Conversation closed (%1).</source>
        <translation>Konversation geschlossen (%1).</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Transferred to skill %1 outside Switchboard.</source>
        <translation>Außerhalb von Switchboard an Skill %1 übergeben.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The bot&apos;s dialog is closed; the bot left the conversation.</source>
        <translation>Der Dialog des Bots ist geschlossen; der Bot hat die Konversation verlassen.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The bot was removed from the conversation.</source>
        <translation>Der Bot wurde aus der Konversation entfernt.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Dialog %1 (%2) is %3.</source>
        <translatorcomment>%3 is LivePerson&apos;s raw dialog state (open, closed, …), not translated.</translatorcomment>
        <translation>Dialog %1 (%2) hat den Zustand %3.</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+42"/>
        <source>Bot endpoint of “%1” is %2.</source>
        <translation>Der Bot-Endpunkt von „%1“ ist %2.</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Bot endpoint of “%1” reports “%2”: %3</source>
        <translation>Der Bot-Endpunkt von „%1“ meldet „%2“: %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unreachable</source>
        <translation>nicht erreichbar</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The bot answered this message again; the second answer was not published.</source>
        <translation>Der Bot hat diese Nachricht erneut beantwortet; die zweite Antwort wurde nicht veröffentlicht.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The bot answered after the delivery had failed; the answer was not published.</source>
        <translation>Der Bot hat geantwortet, nachdem die Zustellung fehlgeschlagen war; die Antwort wurde nicht veröffentlicht.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Quick replies are messaging-only; sent as text with the options listed.</source>
        <translation>Quick Replies gibt es nur bei Messaging; als Text mit aufgelisteten Optionen gesendet.</translation>
    </message>
    <message>
        <location line="+158"/>
        <source>LivePerson&apos;s history shows messages only.</source>
        <translation>Der Verlauf in LivePerson zeigt nur Nachrichten.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Its history could not be read: %1</source>
        <translation>Ihr Verlauf konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>A reply to this message was being sent when the previous run ended; LivePerson&apos;s history does not have it, so it is sent now.</source>
        <translation>Eine Antwort auf diese Nachricht wurde gerade gesendet, als der vorige Lauf endete; der Verlauf in LivePerson enthält sie nicht, daher wird sie jetzt gesendet.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>LivePerson&apos;s history does not tell (the bot&apos;s answer differs from the messages there, or repeats them).</source>
        <translation>Der Verlauf in LivePerson gibt keine Auskunft (die Antwort des Bots weicht von den Nachrichten dort ab oder wiederholt sie).</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>A reply to this message was being sent when the previous run ended; it is not sent again (it may not have reached the consumer). %1</source>
        <translation>Eine Antwort auf diese Nachricht wurde gerade gesendet, als der vorige Lauf endete; sie wird nicht erneut gesendet (sie hat den Kunden möglicherweise nicht erreicht). %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Bot call failed in “%1”: %2</source>
        <translation>Bot-Aufruf in „%1“ fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Reply held until the LivePerson connection is back.</source>
        <translation>Antwort zurückgehalten, bis die LivePerson-Verbindung wieder steht.</translation>
    </message>
    <message>
        <location line="+73"/>
        <location line="+432"/>
        <source>unknown error</source>
        <translation>unbekannter Fehler</translation>
    </message>
    <message>
        <location line="-425"/>
        <source>Publishing to LivePerson failed: %1 The reply may have arrived; it is not sent again, the conversation is escalated.</source>
        <translation>Veröffentlichen in LivePerson fehlgeschlagen: %1 Die Antwort ist möglicherweise angekommen; sie wird nicht erneut gesendet, die Konversation wird eskaliert.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Publishing to LivePerson failed: %1</source>
        <translation>Veröffentlichen in LivePerson fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>[structured content]</source>
        <translation>[Structured Content]</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The bot asked for a transfer to the unknown skill “%1”.</source>
        <translation>Der Bot hat eine Übergabe an den unbekannten Skill „%1“ angefordert.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The bot of “%1” asked for a transfer to the unknown skill “%2”: %3</source>
        <translation>Der Bot von „%1“ hat eine Übergabe an den unbekannten Skill „%2“ angefordert: %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unknown skill “%1” requested by the bot.</source>
        <translation>Unbekannter Skill „%1“, vom Bot angefordert.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The bot transferred the conversation to agent %1.</source>
        <translation>Der Bot hat die Konversation an Agent %1 übergeben.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Requested by the bot (skill “%1”).</source>
        <translation>Vom Bot angefordert (Skill „%1“).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The bot closed the conversation (no survey).</source>
        <translation>Der Bot hat die Konversation geschlossen (ohne Umfrage).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The survey bot closed the survey.</source>
        <translation>Der Umfrage-Bot hat die Umfrage geschlossen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The bot closed its dialog; a survey may follow.</source>
        <translation>Der Bot hat seinen Dialog geschlossen; eine Umfrage kann folgen.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The bot changed the time to respond.</source>
        <translation>Der Bot hat die Antwortzeit (TTR) geändert.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Publishing the bot&apos;s reply failed without an answer: %1</source>
        <translation>Veröffentlichen der Bot-Antwort ohne Rückmeldung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Unknown conversation “%1”.</source>
        <translation>Unbekannte Konversation „%1“.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The conversation is no longer with the bot.</source>
        <translation>Die Konversation liegt nicht mehr beim Bot.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Conversation %1 needs an operator: %2 — no fallback skill is configured, so nothing was transferred.</source>
        <translation>Konversation %1 braucht einen Operator: %2 — es ist kein Ausweich-Skill eingerichtet, daher wurde nichts übergeben.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Set a fallback skill in the integration, or escalate by hand.</source>
        <translation>Legen Sie in der Integration einen Ausweich-Skill fest, oder eskalieren Sie von Hand.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No skill was chosen.</source>
        <translation>Es wurde kein Skill gewählt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Transfer of %1 to skill %2 refused: it is the bot&apos;s own skill and would loop back to the bot.</source>
        <translation>Übergabe von %1 an Skill %2 abgelehnt: Es ist der eigene Skill des Bots, die Konversation würde zum Bot zurückführen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose another skill, or set a fallback skill that human agents serve.</source>
        <translation>Wählen Sie einen anderen Skill, oder legen Sie einen Ausweich-Skill fest, den menschliche Agenten bedienen.</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>Transfer attempt %1 of %2 failed: %3 It is retried when the LivePerson connection is back.</source>
        <translation>Übergabeversuch %1 von %2 fehlgeschlagen: %3 Er wird wiederholt, sobald die LivePerson-Verbindung wieder steht.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Escalated to skill %1 (%2): %3</source>
        <translation>An Skill %1 eskaliert (%2): %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Conversation %1 escalated to %2 (%3).</source>
        <translation>Konversation %1 an %2 eskaliert (%3).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Escalation failed: %1</source>
        <translation>Eskalation fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Conversation %1 could not be escalated to skill %2 (%3): %4</source>
        <translation>Konversation %1 konnte nicht an Skill %2 eskaliert werden (%3): %4</translation>
    </message>
    <message>
        <location line="+284"/>
        <source>Escalation to skill %1 (%2): %3 — %4</source>
        <translation>Eskalation an Skill %1 (%2): %3 — %4</translation>
    </message>
</context>
<context>
    <name>Switchboard::Connector::SessionFactory</name>
    <message>
        <location filename="../../core/connector/SessionFactory.cpp" line="+91"/>
        <source>The secret “%1” of integration “%2” could not be read (keychain entry “%3”): %4</source>
        <translation>Das Geheimnis „%1“ der Integration „%2“ konnte nicht gelesen werden (Schlüsselbund-Eintrag „%3“): %4</translation>
    </message>
    <message>
        <location line="+211"/>
        <source>CSDS lists no “sentinel” service.</source>
        <translation>CSDS listet keinen Dienst „sentinel“.</translation>
    </message>
</context>
<context>
    <name>Switchboard::Connector::SessionManager</name>
    <message>
        <location filename="../../core/connector/SessionManager.cpp" line="+76"/>
        <source>Integration “%1” is %2.</source>
        <translation>Integration „%1“ ist %2.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Integration “%1” is %2: %3</source>
        <translation>Integration „%1“ ist %2: %3</translation>
    </message>
</context>
<context>
    <name>Switchboard::Console</name>
    <message>
        <location filename="../../app/gui/Console.cpp" line="+164"/>
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
        <location line="+6"/>
        <source>Send a &amp;welcome event when the bot joins a conversation</source>
        <translation>&amp;Willkommensereignis senden, wenn der Bot einer Konversation beitritt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The bot gets a conversation-start event (Custom Endpoint START) before the consumer&apos;s first message, and its answer is published as the greeting.</source>
        <translation>Der Bot erhält vor der ersten Nachricht des Kunden ein Konversationsstart-Ereignis (Custom Endpoint START), und seine Antwort wird als Begrüßung veröffentlicht.</translation>
    </message>
    <message>
        <location line="+8"/>
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
        <location line="+6"/>
        <source>Post-conversation &amp;survey bot</source>
        <translation>&amp;Umfrage-Bot nach der Konversation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The bot answers POST_SURVEY dialogs: it gets a survey-start event when a survey dialog opens and closes only that dialog when it is done.</source>
        <translation>Der Bot beantwortet POST_SURVEY-Dialoge: Er erhält ein Umfragestart-Ereignis, wenn ein Umfragedialog geöffnet wird, und schließt nur diesen Dialog, wenn er fertig ist.</translation>
    </message>
    <message>
        <location line="+12"/>
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
        <location line="+49"/>
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
        <location line="+98"/>
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
    <name>Switchboard::LivePerson</name>
    <message>
        <location filename="../../core/liveperson/ChannelTypes.cpp" line="+96"/>
        <source>No skill is named &quot;%1&quot; (names are case-sensitive).</source>
        <translation>Kein Skill heißt „%1“ (Groß-/Kleinschreibung wird beachtet).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 skills are named &quot;%2&quot;; transfer by id instead.</source>
        <translation>%1 Skills heißen „%2“; übergeben Sie stattdessen per ID.</translation>
    </message>
    <message>
        <location filename="../../core/liveperson/DomainResolver.cpp" line="+30"/>
        <source>The Domain API (CSDS) answer is malformed: %1.</source>
        <translation>Die Antwort der Domain API (CSDS) ist fehlerhaft: %1.</translation>
    </message>
    <message>
        <location filename="../../core/liveperson/LivePersonHttp.cpp" line="+54"/>
        <source>Cannot read the CA file &quot;%1&quot;: %2.</source>
        <translation>Die CA-Datei „%1“ kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The CA file &quot;%1&quot; holds no PEM certificate.</source>
        <translation>Die CA-Datei „%1“ enthält kein PEM-Zertifikat.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&quot;%1&quot; is not a host name with an optional port.</source>
        <translation>„%1“ ist kein Hostname mit optionalem Port.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;%1&quot; has an invalid port.</source>
        <translation>„%1“ hat einen ungültigen Port.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>%1: the TLS certificate was rejected (%2). Add the server&apos;s CA instead of disabling checks.</source>
        <translation>%1: Das TLS-Zertifikat wurde abgelehnt (%2). Fügen Sie die CA des Servers hinzu, statt die Prüfungen abzuschalten.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: no answer from the server (%2).</source>
        <translation>%1: keine Antwort vom Server (%2).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 failed with HTTP %2.</source>
        <translation>%1 fehlgeschlagen mit HTTP %2.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 failed with HTTP %2 (internal code %3).</source>
        <translation>%1 fehlgeschlagen mit HTTP %2 (interner Code %3).</translation>
    </message>
</context>
<context>
    <name>Switchboard::LivePerson::AgentCredentials</name>
    <message>
        <location filename="../../core/liveperson/LoginClient.cpp" line="+63"/>
        <source>The agent login name is empty.</source>
        <translation>Der Anmeldename des Agenten ist leer.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Agent &quot;%1&quot; has neither a password nor an application key and secret.</source>
        <translation>Agent „%1“ hat weder ein Passwort noch einen Anwendungsschlüssel mit Secret.</translation>
    </message>
</context>
<context>
    <name>Switchboard::LivePerson::AgentLoginChannel</name>
    <message>
        <location filename="../../core/liveperson/AgentLoginChannel.cpp" line="+139"/>
        <source>The LivePerson account id is empty.</source>
        <translation>Die LivePerson-Konto-ID ist leer.</translation>
    </message>
    <message>
        <location line="+116"/>
        <location line="+181"/>
        <source>The channel is not logged in.</source>
        <translation>Der Kanal ist nicht angemeldet.</translation>
    </message>
    <message>
        <location line="-139"/>
        <source>The Domain API lists no &quot;agentVep&quot; host for account %1.</source>
        <translation>Die Domain API listet für Konto %1 keinen Host „agentVep“.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>%1 Next attempt in %2 s.</source>
        <translation>%1 Nächster Versuch in %2 s.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>logging in again</source>
        <translatorcomment>Fills %2 of „%1; %2 in %3 s.“ — a noun phrase.</translatorcomment>
        <translation>erneute Anmeldung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1; %2 in %3 s.</source>
        <translation>%1; %2 in %3 s.</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>The Domain API lists no &quot;accountConfigReadOnly&quot; host for account %1.</source>
        <translation>Die Domain API listet für Konto %1 keinen Host „accountConfigReadOnly“.</translation>
    </message>
</context>
<context>
    <name>Switchboard::LivePerson::Chat</name>
    <message>
        <location filename="../../core/liveperson/ChatAgentProtocol.cpp" line="+31"/>
        <source>%1: the answer is larger than 16 MiB.</source>
        <translation>%1: Die Antwort ist größer als 16 MiB.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: the answer is not JSON (%2 at offset %3).</source>
        <translation>%1: Die Antwort ist kein JSON (%2 bei Position %3).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: the answer is not a JSON object.</source>
        <translation>%1: Die Antwort ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>the event has no &quot;@id&quot;</source>
        <translation>das Ereignis hat kein &quot;@id&quot;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the event&apos;s &quot;@id&quot; is not a non-negative integer</source>
        <translation>das &quot;@id&quot; des Ereignisses ist keine nicht negative ganze Zahl</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the line&apos;s &quot;text&quot; is not a string</source>
        <translation>das &quot;text&quot; der Zeile ist kein String</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the line&apos;s &quot;metadata&quot; is not an array</source>
        <translation>die &quot;metadata&quot; der Zeile sind kein Array</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the rich-content line has no &quot;json&quot; card object</source>
        <translation>die Rich-Content-Zeile hat kein Kartenobjekt &quot;json&quot;</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the state event has no &quot;state&quot;</source>
        <translation>das Zustandsereignis hat kein &quot;state&quot;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the event has no &quot;@type&quot;</source>
        <translation>das Ereignis hat kein &quot;@type&quot;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown event type &quot;%1&quot;</source>
        <translation>unbekannter Ereignistyp „%1“</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>&quot;link&quot; is neither an object nor an array</source>
        <translation>&quot;link&quot; ist weder ein Objekt noch ein Array</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a link has no &quot;@href&quot; string</source>
        <translation>ein Link hat keinen String &quot;@href&quot;</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1: the answer has no &quot;%1&quot; object.</source>
        <translation>%1: Die Antwort hat kein Objekt &quot;%1&quot;.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: %2.</source>
        <translation>%1: %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: the answer has no link.</source>
        <translation>%1: Die Antwort hat keinen Link.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>incomingRequests: the answer has no &quot;incomingRequests&quot; object.</source>
        <translation>incomingRequests: Die Antwort hat kein Objekt &quot;incomingRequests&quot;.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>incomingRequests: &quot;ringingCount&quot; is missing or not a non-negative integer.</source>
        <translation>incomingRequests: &quot;ringingCount&quot; fehlt oder ist keine nicht negative ganze Zahl.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>incomingRequests: %1.</source>
        <translation>incomingRequests: %1.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>incomingRequests: %1 chats ring but no link was sent to take one.</source>
        <translation>incomingRequests: %1 Chats klingeln, aber es wurde kein Link zum Annehmen gesendet.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>events: %1.</source>
        <translation>events: %1.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>events: &quot;event&quot; is neither an object nor an array.</source>
        <translation>events: &quot;event&quot; ist weder ein Objekt noch ein Array.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the event is not an object (%1)</source>
        <translation>das Ereignis ist kein Objekt (%1)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>events: the answer has no &quot;events&quot; object.</source>
        <translation>events: Die Antwort hat kein Objekt &quot;events&quot;.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>chat: the answer has no &quot;chat&quot; object.</source>
        <translation>chat: Die Antwort hat kein Objekt &quot;chat&quot;.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>chat: the server reported an error: %1.</source>
        <translation>chat: Der Server hat einen Fehler gemeldet: %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>chat: %1.</source>
        <translation>chat: %1.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>chat: &quot;events&quot; is not an object.</source>
        <translation>chat: &quot;events&quot; ist kein Objekt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>chat: &quot;info&quot; is not an object.</source>
        <translation>chat: &quot;info&quot; ist kein Objekt.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>transfer: the answer has no &quot;transfer&quot; object.</source>
        <translation>transfer: Die Antwort hat kein Objekt &quot;transfer&quot;.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>transfer: &quot;skill&quot; is neither an object nor an array.</source>
        <translation>transfer: &quot;skill&quot; ist weder ein Objekt noch ein Array.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>transfer: a skill has no id.</source>
        <translation>transfer: Ein Skill hat keine ID.</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>Transferred by the bot.</source>
        <translation>Vom Bot übergeben.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Transferred by the bot (%1).</source>
        <translation>Vom Bot übergeben (%1).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Transferred by the bot (cause: %1).</source>
        <translation>Vom Bot übergeben (Ursache: %1).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transferred by the bot (%1; cause: %2).</source>
        <translation>Vom Bot übergeben (%1; Ursache: %2).</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The server sent an empty link.</source>
        <translation>Der Server hat einen leeren Link gesendet.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The server sent a link off the agentVep host (%1); it is not followed, so the bearer stays there.</source>
        <translation>Der Server hat einen Link außerhalb des agentVep-Hosts gesendet (%1); ihm wird nicht gefolgt, damit das Bearer-Token dort bleibt.</translation>
    </message>
</context>
<context>
    <name>Switchboard::LivePerson::ChatAgentChannel</name>
    <message>
        <location filename="../../core/liveperson/ChatAgentChannel.cpp" line="+99"/>
        <source>The LivePerson chat channel was destroyed.</source>
        <translation>Der LivePerson-Chat-Kanal wurde zerstört.</translation>
    </message>
    <message>
        <location line="+120"/>
        <source>The session refresh was refused</source>
        <translation>Die Sitzungsverlängerung wurde abgelehnt</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>The LivePerson chat channel stopped.</source>
        <translation>Der LivePerson-Chat-Kanal wurde gestoppt.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>starting a new agent session</source>
        <translatorcomment>Fills %2 of „%1; %2 in %3 s.“ — a noun phrase.</translatorcomment>
        <translation>neue Agent-Sitzung</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The agent session was refused</source>
        <translation>Die Agent-Sitzung wurde abgelehnt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The new agent session ended at once</source>
        <translation>Die neue Agent-Sitzung endete sofort</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Starting the chat agent session</source>
        <translatorcomment>Operation names fill %1 of „%1 fehlgeschlagen mit HTTP %2.“ etc. — noun phrases without article.</translatorcomment>
        <translation>Starten der Chat-Agent-Sitzung</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Starting the chat agent session: %1</source>
        <translation>Starten der Chat-Agent-Sitzung: %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Setting the chat availability to %1</source>
        <translation>Setzen der Chat-Verfügbarkeit auf %1</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>Polling incoming chat requests</source>
        <translation>Abfragen eingehender Chat-Anfragen</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Taking a chat</source>
        <translation>Annehmen eines Chats</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the chat link has no chat id</source>
        <translation>der Chat-Link hat keine Chat-ID</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Reading chat %1</source>
        <translation>Lesen von Chat %1</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>chat %1 has no usable events link: %2</source>
        <translation>Chat %1 hat keinen brauchbaren events-Link: %2</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Reading the events of chat %1</source>
        <translation>Lesen der Ereignisse von Chat %1</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>Checking the chat agent session</source>
        <translation>Prüfen der Chat-Agent-Sitzung</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+122"/>
        <source>%1: chat %2 is no longer open for this agent.</source>
        <translation>%1: Chat %2 ist für diesen Agenten nicht mehr offen.</translation>
    </message>
    <message>
        <location line="-72"/>
        <source>%1: no conversation id.</source>
        <translation>%1: keine Konversations-ID.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: the LivePerson chat channel is not connected (%2).</source>
        <translation>%1: Der LivePerson-Chat-Kanal ist nicht verbunden (%2).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: chat %2 is not open for this agent.</source>
        <translation>%1: Chat %2 ist für diesen Agenten nicht offen.</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>the chat resource has no &quot;%1&quot; link</source>
        <translation>die Chat-Ressource hat keinen Link &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: %2.</source>
        <translation>%1: %2.</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>%1: quick replies work on messaging only; on chat send them as text with the options listed.</source>
        <translation>%1: Quick Replies funktionieren nur bei Messaging; senden Sie sie im Chat als Text mit aufgelisteten Optionen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: every metadata item must be an object with a &quot;type&quot;.</source>
        <translation>%1: Jedes Metadaten-Element muss ein Objekt mit &quot;type&quot; sein.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Sending text: the text is empty.</source>
        <translation>Senden von Text: Der Text ist leer.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sending text</source>
        <translation>Senden von Text</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Sending HTML: the text is empty.</source>
        <translation>Senden von HTML: Der Text ist leer.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sending HTML</source>
        <translation>Senden von HTML</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Sending structured content: the card needs a &quot;type&quot;.</source>
        <translation>Senden von Structured Content: Die Karte braucht einen &quot;type&quot;.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sending structured content</source>
        <translation>Senden von Structured Content</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Sending a typing indicator</source>
        <translation>Senden einer Tippanzeige</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: skill %2 is not offered for transferring chat %3 (offered: %4).</source>
        <translation>%1: Skill %2 wird für die Übergabe von Chat %3 nicht angeboten (angeboten: %4).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: no agent is online on skill %2; LivePerson refuses such transfers on chat.</source>
        <translation>%1: Auf Skill %2 ist kein Agent online; LivePerson lehnt solche Übergaben im Chat ab.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Transfer: no skill id.</source>
        <translation>Übergabe: keine Skill-ID.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Transfer to skill %1</source>
        <translation>Übergabe an Skill %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Transfer to agent: no agent id.</source>
        <translation>Übergabe an Agent: keine Agent-ID.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Transfer to agent %1</source>
        <translation>Übergabe an Agent %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Ending the chat</source>
        <translation>Beenden des Chats</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Reading the history of chat %1: it is not open for this agent.</source>
        <translation>Verlauf des Chats %1 lesen: Er ist für diesen Agenten nicht offen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reading the history of chat %1: the agent session was replaced.</source>
        <translation>Verlauf des Chats %1 lesen: Die Agentensitzung wurde ersetzt.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reading the history of chat %1</source>
        <translation>Verlauf des Chats %1 lesen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reading the history of chat %1: %2</source>
        <translation>Verlauf des Chats %1 lesen: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reading the history of chat %1: event %2 skipped: %3</source>
        <translation>Verlauf des Chats %1 lesen: Ereignis %2 übersprungen: %3</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Changing the time to respond: chat conversations have no TTR (messaging only).</source>
        <translation>Ändern der Antwortzeit: Chat-Konversationen haben keine TTR (nur Messaging).</translation>
    </message>
</context>
<context>
    <name>Switchboard::LivePerson::DomainResolver</name>
    <message>
        <location filename="../../core/liveperson/DomainResolver.cpp" line="+130"/>
        <source>The account id &quot;%1&quot; is not valid.</source>
        <translation>Die Konto-ID „%1“ ist ungültig.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Domain API (CSDS) lookup</source>
        <translation>Abfrage der Domain API (CSDS)</translation>
    </message>
</context>
<context>
    <name>Switchboard::LivePerson::LoginClient</name>
    <message>
        <location filename="../../core/liveperson/LoginClient.cpp" line="+117"/>
        <source>Login</source>
        <translation>Anmeldung</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The login answer is malformed: %1.</source>
        <translation>Die Antwort der Anmeldung ist fehlerhaft: %1.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Session refresh</source>
        <translation>Sitzungsverlängerung</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Logout</source>
        <translation>Abmeldung</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 needs the csrf value of the login answer, which was absent.</source>
        <translation>%1 braucht den csrf-Wert aus der Antwort der Anmeldung, der gefehlt hat.</translation>
    </message>
</context>
<context>
    <name>Switchboard::LivePerson::MessagingAgentChannel</name>
    <message>
        <location filename="../../core/liveperson/MessagingAgentChannel.cpp" line="+62"/>
        <source>The LivePerson channel was destroyed.</source>
        <translation>Der LivePerson-Kanal wurde zerstört.</translation>
    </message>
    <message>
        <location line="+170"/>
        <source>The session refresh was refused</source>
        <translation>Die Sitzungsverlängerung wurde abgelehnt</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>reconnecting</source>
        <translatorcomment>Fills %2 of „%1; %2 in %3 s.“ — a noun phrase.</translatorcomment>
        <translation>neuer Verbindungsversuch</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The Domain API lists none of %1 for account %2.</source>
        <translation>Die Domain API listet für Konto %2 keinen der Dienste %1.</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>The LivePerson WebSocket&apos;s TLS certificate was rejected (%1). Add the server&apos;s CA instead of disabling checks.</source>
        <translation>Das TLS-Zertifikat des LivePerson-WebSockets wurde abgelehnt (%1). Fügen Sie die CA des Servers hinzu, statt die Prüfungen abzuschalten.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the LivePerson connection closed with code %1</source>
        <translation>die LivePerson-Verbindung wurde mit Code %1 geschlossen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the LivePerson connection closed with code %1 (&quot;%2&quot;)</source>
        <translation>die LivePerson-Verbindung wurde mit Code %1 geschlossen („%2“)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Agent &quot;%1&quot; logged in elsewhere, which replaced this session. Start the channel again to take the session back.</source>
        <translation>Agent „%1“ hat sich anderswo angemeldet und damit diese Sitzung ersetzt. Starten Sie den Kanal erneut, um die Sitzung zurückzuholen.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1; checking the session.</source>
        <translation>%1; die Sitzung wird geprüft.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1; the session is no longer valid</source>
        <translation>%1; die Sitzung ist nicht mehr gültig</translation>
    </message>
    <message>
        <location line="+396"/>
        <source>Reading the history of %1: the LivePerson channel is not connected (%2).</source>
        <translation>Verlauf von %1 lesen: Der LivePerson-Kanal ist nicht verbunden (%2).</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Reading the history of %1: the connection was replaced.</source>
        <translation>Verlauf von %1 lesen: Die Verbindung wurde ersetzt.</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+9"/>
        <location line="+10"/>
        <source>Reading the history of %1: %2</source>
        <translation>Verlauf von %1 lesen: %2</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>%1: the LivePerson channel is not connected (%2).</source>
        <translation>%1: Der LivePerson-Kanal ist nicht verbunden (%2).</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+99"/>
        <source>%1: no conversation id.</source>
        <translation>%1: keine Konversations-ID.</translation>
    </message>
    <message>
        <location line="-95"/>
        <location line="+5"/>
        <location line="+5"/>
        <location line="+90"/>
        <source>%1: %2.</source>
        <translation>%1: %2.</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>Sending text</source>
        <translation>Senden von Text</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Sending structured content</source>
        <translation>Senden von Structured Content</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Sending a typing indicator</source>
        <translation>Senden einer Tippanzeige</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Sending read receipts</source>
        <translation>Senden von Lesebestätigungen</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Transfer: no skill id.</source>
        <translation>Übergabe: keine Skill-ID.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Transfer to skill %1</source>
        <translation>Übergabe an Skill %1</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Transfer to agent: agent and skill are both needed.</source>
        <translation>Übergabe an Agent: Agent und Skill werden beide benötigt.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Transfer to agent %1</source>
        <translation>Übergabe an Agent %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Closing the conversation</source>
        <translation>Schließen der Konversation</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Closing the dialog</source>
        <translation>Schließen des Dialogs</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A custom TTR needs a positive number of seconds.</source>
        <translation>Eine eigene TTR braucht eine positive Anzahl Sekunden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Changing the TTR</source>
        <translation>Ändern der TTR</translation>
    </message>
</context>
<context>
    <name>Switchboard::LivePerson::SkillsClient</name>
    <message>
        <location filename="../../core/liveperson/SkillsClient.cpp" line="+106"/>
        <source>Skills lookup</source>
        <translation>Abfrage der Skills</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The skills answer is malformed: %1.</source>
        <translation>Die Antwort mit den Skills ist fehlerhaft: %1.</translation>
    </message>
</context>
<context>
    <name>Switchboard::LivePerson::UmsConnection</name>
    <message>
        <location filename="../../core/liveperson/UmsConnection.cpp" line="+163"/>
        <source>The LivePerson connection is not open.</source>
        <translation>Die LivePerson-Verbindung ist nicht offen.</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>The LivePerson connection closed (code %1) before the answer came.</source>
        <translation>Die LivePerson-Verbindung wurde geschlossen (Code %1), bevor die Antwort kam.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Malformed answer from LivePerson: %1.</source>
        <translation>Fehlerhafte Antwort von LivePerson: %1.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>LivePerson refused %1 with code %2.</source>
        <translation>LivePerson hat %1 mit Code %2 abgelehnt.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The WebSocket handshake did not finish within %1 s.</source>
        <translation>Der WebSocket-Handshake wurde nicht innerhalb von %1 s abgeschlossen.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>LivePerson did not answer %1 within %2 s.</source>
        <translation>LivePerson hat %1 nicht innerhalb von %2 s beantwortet.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Nothing arrived on the LivePerson connection for %1 s.</source>
        <translation>Seit %1 s ist auf der LivePerson-Verbindung nichts angekommen.</translation>
    </message>
</context>
<context>
    <name>Switchboard::MainWindow</name>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="+40"/>
        <location line="+370"/>
        <source>Switchboard</source>
        <translation>Switchboard</translation>
    </message>
    <message>
        <location line="-350"/>
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
        <location line="+285"/>
        <source>Integration %1</source>
        <translation>Integration %1</translation>
    </message>
    <message>
        <location line="-221"/>
        <source>Integrations</source>
        <translation>Integrationen</translation>
    </message>
    <message>
        <location line="+35"/>
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
        <location line="-292"/>
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
    <name>Switchboard::Storage::Detail::PublishJournal</name>
    <message>
        <location filename="../../core/storage/PublishJournal.cpp" line="+53"/>
        <source>Another process uses the publication journal of %1.</source>
        <translation>Ein anderer Prozess verwendet das Veröffentlichungsjournal von %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot lock the publication journal of %1.</source>
        <translation>Das Veröffentlichungsjournal von %1 kann nicht gesperrt werden.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot open the publication journal %1: %2</source>
        <translation>Das Veröffentlichungsjournal %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+30"/>
        <source>The publication journal is not open.</source>
        <translation>Das Veröffentlichungsjournal ist nicht geöffnet.</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>Cannot empty the publication journal %1: %2</source>
        <translation>Das Veröffentlichungsjournal %1 kann nicht geleert werden: %2</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The id contains a tab or line break.</source>
        <translation>Die ID enthält einen Tabulator oder Zeilenumbruch.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cannot write to the publication journal %1: %2</source>
        <translation>In das Veröffentlichungsjournal %1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>Switchboard::Storage::Detail::TranscriptWorker</name>
    <message>
        <location filename="../../core/storage/TranscriptWorker.cpp" line="+123"/>
        <source>Cannot create the directory %1 for the transcript database.</source>
        <translation>Das Verzeichnis %1 für die Verlaufsdatenbank kann nicht angelegt werden.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cannot open the transcript database %1: %2</source>
        <translation>Die Verlaufsdatenbank %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Cannot configure the transcript database %1 (%2): %3</source>
        <translation>Die Verlaufsdatenbank %1 kann nicht eingerichtet werden (%2): %3</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cannot prepare statements on the transcript database %1: %2</source>
        <translation>Auf der Verlaufsdatenbank %1 können keine Anweisungen vorbereitet werden: %2</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>unknown error</source>
        <translation>unbekannter Fehler</translation>
    </message>
    <message>
        <location line="+215"/>
        <source>%1 transcript record(s) could not be stored in %2: %3</source>
        <translation>Verlaufseinträge konnten nicht in %2 gespeichert werden (Anzahl: %1): %3</translation>
    </message>
    <message>
        <location line="+182"/>
        <source>A query on the transcript database %1 failed: %2</source>
        <translation>Eine Abfrage auf der Verlaufsdatenbank %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The transcript database %1 is not open.</source>
        <translation>Die Verlaufsdatenbank %1 ist nicht geöffnet.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>No conversation &quot;%1&quot; is recorded.</source>
        <translation>Keine Konversation „%1“ aufgezeichnet.</translation>
    </message>
    <message>
        <location line="+252"/>
        <source>The health bucket width must be positive.</source>
        <translation>Die Breite der Zustandsintervalle muss positiv sein.</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>SQLite did not report how much memory its page cache holds.</source>
        <translation>SQLite hat nicht gemeldet, wie viel Speicher sein Seiten-Cache belegt.</translation>
    </message>
</context>
<context>
    <name>Switchboard::Storage::IntegrationDefinition</name>
    <message>
        <location filename="../../core/storage/IntegrationDefinition.cpp" line="+49"/>
        <source>must be a string</source>
        <translation>muss ein String sein</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>must be true or false</source>
        <translation>muss true oder false sein</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>must be a whole number</source>
        <translation>muss eine ganze Zahl sein</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>must be an object</source>
        <translation>muss ein Objekt sein</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>must be one of %1</source>
        <translation>muss einer der Werte %1 sein</translation>
    </message>
    <message>
        <location line="+121"/>
        <source>looks like a secret and must not be stored in the configuration file; keep it in the keychain and name its key under &quot;secrets&quot;</source>
        <translation>sieht wie ein Geheimnis aus und darf nicht in der Konfigurationsdatei stehen; bewahren Sie es im Schlüsselbund auf und nennen Sie seinen Schlüssel unter &quot;secrets&quot;</translation>
    </message>
    <message>
        <location line="+201"/>
        <source>must be the name of a keychain entry (a string)</source>
        <translation>muss der Name eines Schlüsselbund-Eintrags sein (ein String)</translation>
    </message>
    <message>
        <location line="+40"/>
        <location line="+5"/>
        <location line="+7"/>
        <location line="+24"/>
        <location line="+12"/>
        <source>is required</source>
        <translation>ist erforderlich</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>must be a UUID such as &quot;%1&quot;</source>
        <translation>muss eine UUID sein, etwa &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>must be at most 200 characters</source>
        <translation>darf höchstens 200 Zeichen lang sein</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>must be 1 to 64 letters, digits, &apos;-&apos; or &apos;_&apos; (LivePerson account ids look like &quot;12345678&quot;)</source>
        <translation>muss aus 1 bis 64 Buchstaben, Ziffern, &apos;-&apos; oder &apos;_&apos; bestehen (LivePerson-Konto-IDs sehen aus wie &quot;12345678&quot;)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>is required (the default is &quot;%1&quot;)</source>
        <translation>ist erforderlich (Standardwert ist &quot;%1&quot;)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must be a host name with an optional port, such as &quot;%1&quot; or &quot;127.0.0.1:8443&quot;</source>
        <translation>muss ein Hostname mit optionalem Port sein, etwa &quot;%1&quot; oder &quot;127.0.0.1:8443&quot;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>is required (the login name of the bot&apos;s agent user)</source>
        <translation>ist erforderlich (der Anmeldename des Agent-Benutzers des Bots)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>must be an absolute path to a PEM file</source>
        <translation>muss ein absoluter Pfad zu einer PEM-Datei sein</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>must be an http(s) URL</source>
        <translation>muss eine http(s)-URL sein</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must not contain a user name or password; secrets belong in the keychain</source>
        <translation>darf keinen Benutzernamen und kein Passwort enthalten; Geheimnisse gehören in den Schlüsselbund</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>must be 1 to 36 letters, digits or &apos;-&apos;</source>
        <translation>muss aus 1 bis 36 Buchstaben, Ziffern oder &apos;-&apos; bestehen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>must be 1 to 64 characters without &apos;/&apos;, &apos;?&apos;, &apos;#&apos; or spaces (the default is &quot;%1&quot;)</source>
        <translation>muss aus 1 bis 64 Zeichen ohne &apos;/&apos;, &apos;?&apos;, &apos;#&apos; oder Leerzeichen bestehen (Standardwert ist &quot;%1&quot;)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>must be an IP address to bind the callback server to, such as &quot;127.0.0.1&quot; or &quot;0.0.0.0&quot;</source>
        <translation>muss eine IP-Adresse sein, an die der Callback-Server gebunden wird, etwa &quot;127.0.0.1&quot; oder &quot;0.0.0.0&quot;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>must be between 0 (any free port) and 65535</source>
        <translation>muss zwischen 0 (beliebiger freier Port) und 65535 liegen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>must be a skill id: 1 to 64 letters, digits, &apos;-&apos; or &apos;_&apos;</source>
        <translation>muss eine Skill-ID sein: 1 bis 64 Buchstaben, Ziffern, &apos;-&apos; oder &apos;_&apos;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>must differ from routing.botSkillId: escalating to the bot&apos;s own skill would loop back to the bot</source>
        <translation>muss sich von routing.botSkillId unterscheiden: Eine Eskalation an den eigenen Skill des Bots würde zum Bot zurückführen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>is required when routing.fallbackSkillName is set</source>
        <translation>ist erforderlich, wenn routing.fallbackSkillName gesetzt ist</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>must be between 100 and 600000 milliseconds</source>
        <translation>muss zwischen 100 und 600000 Millisekunden liegen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>must be between 1 and 10</source>
        <translation>muss zwischen 1 und 10 liegen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>must be between 0 (off) and 60000 milliseconds</source>
        <translation>muss zwischen 0 (aus) und 60000 Millisekunden liegen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>must be between 0 and 1000</source>
        <translation>muss zwischen 0 und 1000 liegen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must be at least 1 when delivery.burstWindowMs is set</source>
        <translation>muss mindestens 1 sein, wenn delivery.burstWindowMs gesetzt ist</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>is not a valid secret field name (letters, digits and &apos;_&apos;, starting with a letter)</source>
        <translation>ist kein gültiger Name für ein Geheimnisfeld (Buchstaben, Ziffern und &apos;_&apos;, beginnend mit einem Buchstaben)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must name a keychain entry</source>
        <translation>muss einen Schlüsselbund-Eintrag nennen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must be a keychain entry name of at most 256 characters</source>
        <translation>muss der Name eines Schlüsselbund-Eintrags mit höchstens 256 Zeichen sein</translation>
    </message>
</context>
<context>
    <name>Switchboard::Storage::IntegrationStore</name>
    <message>
        <location filename="../../core/storage/IntegrationStore.cpp" line="+209"/>
        <source>The file was left unchanged and integrations are read-only until it is fixed.</source>
        <translation>Die Datei wurde nicht verändert; die Integrationen sind schreibgeschützt, bis sie korrigiert ist.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot read %1: %2. %3</source>
        <translation>%1 kann nicht gelesen werden: %2. %3</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1:%2:%3: %4. %5</source>
        <translation>%1:%2:%3: %4. %5</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1:1:1: the top level must be a JSON object with &quot;schemaVersion&quot; and &quot;integrations&quot;. %2</source>
        <translation>%1:1:1: Die oberste Ebene muss ein JSON-Objekt mit &quot;schemaVersion&quot; und &quot;integrations&quot; sein. %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1: schemaVersion: must be a whole number. %2</source>
        <translation>%1: schemaVersion: muss eine ganze Zahl sein. %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: schemaVersion: the file has schema version %2, written by a newer Switchboard; this version understands up to %3. %4</source>
        <translation>%1: schemaVersion: Die Datei hat die Schemaversion %2, geschrieben von einem neueren Switchboard; diese Version versteht höchstens %3. %4</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>must be an array</source>
        <translation>muss ein Array sein</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>must be an object</source>
        <translation>muss ein Objekt sein</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+37"/>
        <source>duplicates the id of an earlier integration</source>
        <translation>wiederholt die ID einer früheren Integration</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>%1 holds invalid integration definitions:
%2
%3</source>
        <translation>%1 enthält ungültige Integrationsdefinitionen:
%2
%3</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Integrations are read-only because %1 could not be loaded: %2</source>
        <translation>Die Integrationen sind schreibgeschützt, weil %1 nicht geladen werden konnte: %2</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot create the directory %1</source>
        <translation>das Verzeichnis %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>cannot keep a backup of the old file as %1</source>
        <translation>eine Sicherung der alten Datei als %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>An integration with the id &quot;%1&quot; already exists.</source>
        <translation>Eine Integration mit der ID „%1“ existiert bereits.</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+22"/>
        <source>No integration has the id &quot;%1&quot;.</source>
        <translation>Keine Integration hat die ID „%1“.</translation>
    </message>
</context>
<context>
    <name>Switchboard::Storage::KeychainSecretStore</name>
    <message>
        <location filename="../../core/storage/KeychainSecretStore.cpp" line="+148"/>
        <source>Access to the system keychain was denied (%1). Allow Switchboard to use the keychain, or unlock it, and try again.</source>
        <translation>Der Zugriff auf den System-Schlüsselbund wurde verweigert (%1). Erlauben Sie Switchboard, den Schlüsselbund zu verwenden, oder entsperren Sie ihn, und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The system keychain is locked or has no default keyring (%1). Unlock the keyring (for example &quot;login&quot; in GNOME Keyring or KeePassXC&apos;s Secret Service database) and try again.</source>
        <translation>Der System-Schlüsselbund ist gesperrt oder hat keinen Standard-Schlüsselring (%1). Entsperren Sie den Schlüsselring (zum Beispiel &quot;login&quot; in GNOME Keyring oder die Secret-Service-Datenbank von KeePassXC) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No system keychain is available (%1). Switchboard keeps secrets only in the keychain: start a Secret Service provider (GNOME Keyring, KeePassXC or KWallet) in this session, make sure the D-Bus session bus is reachable (DBUS_SESSION_BUS_ADDRESS), unlock the keyring and try again.</source>
        <translation>Kein System-Schlüsselbund verfügbar (%1). Switchboard bewahrt Geheimnisse nur im Schlüsselbund auf: Starten Sie in dieser Sitzung einen Secret-Service-Anbieter (GNOME Keyring, KeePassXC oder KWallet), stellen Sie sicher, dass der D-Bus-Sitzungsbus erreichbar ist (DBUS_SESSION_BUS_ADDRESS), entsperren Sie den Schlüsselring und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The system keychain could not delete &quot;%1&quot; (%2).</source>
        <translation>Der System-Schlüsselbund konnte „%1“ nicht löschen (%2).</translation>
    </message>
</context>
<context>
    <name>Switchboard::Storage::SecretStore</name>
    <message>
        <location filename="../../core/storage/SecretStore.cpp" line="+22"/>
        <source>No secret is stored in the keychain under &quot;%1&quot;. Enter the secret again in the integration&apos;s settings.</source>
        <translation>Im Schlüsselbund ist unter „%1“ kein Geheimnis gespeichert. Geben Sie das Geheimnis in den Einstellungen der Integration erneut ein.</translation>
    </message>
</context>
<context>
    <name>Switchboard::Storage::TranscriptSchema</name>
    <message>
        <location filename="../../core/storage/TranscriptSchema.cpp" line="+30"/>
        <source>The transcript database rejected a schema statement (%1): %2</source>
        <translation>Die Verlaufsdatenbank hat eine Schema-Anweisung abgelehnt (%1): %2</translation>
    </message>
    <message>
        <location line="+131"/>
        <source>Cannot read the transcript database&apos;s schema version: %1</source>
        <translation>Die Schemaversion der Verlaufsdatenbank kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The transcript database %1 has schema version %2, written by a newer Switchboard; this version understands up to %3. Use a newer Switchboard or another data directory.</source>
        <translation>Die Verlaufsdatenbank %1 hat die Schemaversion %2, geschrieben von einem neueren Switchboard; diese Version versteht höchstens %3. Verwenden Sie ein neueres Switchboard oder ein anderes Datenverzeichnis.</translation>
    </message>
</context>
<context>
    <name>Switchboard::Storage::TranscriptStore</name>
    <message>
        <location filename="../../core/storage/TranscriptStore.cpp" line="+27"/>
        <source>The transcript database is not open.</source>
        <translation>Die Verlaufsdatenbank ist nicht geöffnet.</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>Cannot open the transcript database %1; see the log for the reason.</source>
        <translation>Die Verlaufsdatenbank %1 kann nicht geöffnet werden; den Grund nennt das Protokoll.</translation>
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
        <location filename="../../app/gui/main.cpp" line="+29"/>
        <source>Operator console that connects custom bots to LivePerson Conversational Cloud.</source>
        <translation>Operator-Konsole, die eigene Bots mit LivePerson Conversational Cloud verbindet.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Start the built-in LivePerson sandbox, a demo bot, an integration joining them and simulated consumers.</source>
        <translation>Die eingebaute LivePerson-Sandbox starten, dazu einen Demo-Bot, eine Integration zwischen beiden und simulierte Kunden.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Read and write integrations in &lt;dir&gt; instead of the platform location.</source>
        <translation>Integrationen in &lt;dir&gt; statt am Standardort der Plattform lesen und schreiben.</translation>
    </message>
</context>
</TS>
