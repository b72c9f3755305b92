<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Switchboard::MainWindow</name>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="22"/>
        <source>Switchboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="26"/>
        <source>&amp;Integration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="27"/>
        <source>&amp;Add Integration…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="31"/>
        <source>Start &amp;Sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="35"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="41"/>
        <source>No integrations configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="53"/>
        <source>&lt;h2&gt;No bot integrations yet&lt;/h2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="57"/>
        <source>An integration connects one bot to LivePerson: Switchboard logs in as the bot&apos;s agent user, forwards each consumer message to the bot&apos;s endpoint, posts the replies back and escalates to a fallback skill when the bot fails.

Add an integration for your LivePerson account, or start the sandbox to watch a demo bot answer simulated consumers without an account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="71"/>
        <source>Add Integration…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="73"/>
        <source>Add integration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="76"/>
        <source>Start Sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="78"/>
        <source>Start the LivePerson sandbox</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../app/gui/main.cpp" line="27"/>
        <source>Operator console that connects custom bots to LivePerson Conversational Cloud.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/main.cpp" line="32"/>
        <source>Start the built-in LivePerson sandbox, a demo bot, an integration joining them and simulated consumers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/main.cpp" line="36"/>
        <source>Read and write integrations in &lt;dir&gt; instead of the platform location.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
