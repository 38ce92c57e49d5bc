<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>Bridge</name>
    <message>
        <location filename="../../gui/texts.py" line="26"/>
        <source>{host} rejected the sign-in.</source>
        <translation>{host} hat die Anmeldung abgelehnt.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="27"/>
        <source>Check the user name and password, and the authentication method.</source>
        <translation>Prüfen Sie Benutzername, Kennwort und Authentifizierungsmethode.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="30"/>
        <source>Cannot reach {host}.</source>
        <translation>{host} ist nicht erreichbar.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="31"/>
        <source>Check the host name, that the server is running and that no firewall blocks WinRM.</source>
        <translation>Prüfen Sie den Hostnamen, ob der Server läuft und ob eine Firewall WinRM blockiert.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="36"/>
        <source>Nothing is listening for WinRM on {host}.</source>
        <translation>Auf {host} wartet kein WinRM-Dienst auf Verbindungen.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="37"/>
        <source>Run &apos;Enable-PSRemoting&apos; on the server, or check the port and transport.</source>
        <translation>Führen Sie &apos;Enable-PSRemoting&apos; auf dem Server aus oder prüfen Sie Port und Transport.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="42"/>
        <source>The HTTPS certificate of {host} is not trusted.</source>
        <translation>Dem HTTPS-Zertifikat von {host} wird nicht vertraut.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="43"/>
        <source>Give the issuing CA, or pin the certificate&apos;s thumbprint after checking it.</source>
        <translation>Geben Sie die ausstellende Zertifizierungsstelle an oder hinterlegen Sie den geprüften Fingerabdruck des Zertifikats.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="48"/>
        <source>The account used on {host} is not an elevated administrator.</source>
        <translation>Das auf {host} verwendete Konto ist kein Administrator mit erhöhten Rechten.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="49"/>
        <source>Connect with an account in the server&apos;s Administrators group.</source>
        <translation>Verbinden Sie sich mit einem Konto aus der Gruppe Administratoren des Servers.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="52"/>
        <source>{host} did not answer in time.</source>
        <translation>{host} hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="53"/>
        <source>The server may be busy; try again.</source>
        <translation>Der Server ist möglicherweise ausgelastet; versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="56"/>
        <source>Sign in to {host} to connect.</source>
        <translation>Melden Sie sich bei {host} an, um eine Verbindung herzustellen.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="57"/>
        <source>The password for this host is not remembered; type it to connect.</source>
        <translation>Das Kennwort für diesen Host ist nicht gespeichert; geben Sie es ein, um eine Verbindung herzustellen.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="60"/>
        <source>The operation was cancelled.</source>
        <translation>Der Vorgang wurde abgebrochen.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="61"/>
        <source>Run it again when ready.</source>
        <translation>Starten Sie ihn erneut, wenn Sie so weit sind.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="82"/>
        <source>Cannot connect: sign-in needed</source>
        <translation>Keine Verbindung: Anmeldung nötig</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="83"/>
        <source>Cannot connect: wrong password</source>
        <translation>Keine Verbindung: falsches Kennwort</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="84"/>
        <source>Cannot connect: host unreachable</source>
        <translation>Keine Verbindung: Host nicht erreichbar</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="85"/>
        <source>Cannot connect: WinRM not listening</source>
        <translation>Keine Verbindung: WinRM antwortet nicht</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="86"/>
        <source>Cannot connect: certificate not trusted</source>
        <translation>Keine Verbindung: Zertifikat nicht vertrauenswürdig</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="87"/>
        <source>Cannot connect</source>
        <translation>Keine Verbindung</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="88"/>
        <source>Not running as administrator</source>
        <translation>Läuft nicht als Administrator</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="89"/>
        <source>IIS is not installed</source>
        <translation>IIS ist nicht installiert</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="90"/>
        <source>No answer in time</source>
        <translation>Keine Antwort in der vorgesehenen Zeit</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="91"/>
        <source>Failed: see the message</source>
        <translation>Fehlgeschlagen: siehe Meldung</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="114"/>
        <source>All good</source>
        <translation>In Ordnung</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="115"/>
        <source>Access missing</source>
        <translation>Zugriff fehlt</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="116"/>
        <source>Blocked by a deny entry</source>
        <translation>Durch Verweigern-Eintrag blockiert</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="117"/>
        <source>Cannot be fixed here</source>
        <translation>Hier nicht behebbar</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="118"/>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="195"/>
        <source>Read &amp; execute</source>
        <translation>Lesen, Ausführen</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="196"/>
        <source>Modify</source>
        <translation>Ändern</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="194"/>
        <source>Read</source>
        <translation>Lesen</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="197"/>
        <source>Full control</source>
        <translation>Vollzugriff</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="134"/>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="135"/>
        <source>Stopped</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="136"/>
        <source>Starting</source>
        <translation>Wird gestartet</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="137"/>
        <source>Stopping</source>
        <translation>Wird beendet</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="138"/>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="139"/>
        <source>Integrated</source>
        <translation>Integriert</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="140"/>
        <source>Classic</source>
        <translation>Klassisch</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="150"/>
        <source>No Managed Code</source>
        <translation>Kein verwalteter Code</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="155"/>
        <location filename="../../gui/texts.py" line="160"/>
        <source>This folder, subfolders and files</source>
        <translation>Diesen Ordner, Unterordner und Dateien</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="161"/>
        <source>This folder and subfolders</source>
        <translation>Diesen Ordner und Unterordner</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="162"/>
        <source>This folder and files</source>
        <translation>Diesen Ordner und Dateien</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="163"/>
        <source>This folder only</source>
        <translation>Nur diesen Ordner</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="164"/>
        <source>Subfolders and files only</source>
        <translation>Nur Unterordner und Dateien</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="165"/>
        <source>Subfolders only</source>
        <translation>Nur Unterordner</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="166"/>
        <source>Files only</source>
        <translation>Nur Dateien</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="167"/>
        <source>Nothing (inherit only, not inherited)</source>
        <translation>Nichts (nur vererbbar, wird nicht vererbt)</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="179"/>
        <source>Undone</source>
        <translation>Rückgängig gemacht</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="184"/>
        <source>Unknown (interrupted)</source>
        <translation>Unbekannt (unterbrochen)</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="185"/>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="186"/>
        <source>Nothing to change</source>
        <translation>Nichts zu ändern</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="187"/>
        <source>Refused</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="188"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="193"/>
        <source>No access</source>
        <translation>Kein Zugriff</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="215"/>
        <source>{name} has {effective} access to {path}, which covers the {needs} access it needs.</source>
        <translation>{name} hat auf {path} {effective}; das genügt, benötigt wird {needs}.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="218"/>
        <source>The worker process of application pool {pool} runs as {name}, which has {effective} access to {path} but needs {needs}: IIS answers HTTP 500.19 (0x80070005).</source>
        <translation>Der Arbeitsprozess des Anwendungspools {pool} läuft als {name}. Dieses Konto hat auf {path} {effective}, braucht aber {needs}: IIS antwortet mit HTTP 500.19 (0x80070005).</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="223"/>
        <source>The worker process of application pool {pool} runs as {name}, and anonymous requests run as the pool identity too. It has {effective} access to {path} but needs {needs}: IIS answers HTTP 500.19 (0x80070005) or 401.3.</source>
        <translation>Der Arbeitsprozess des Anwendungspools {pool} läuft als {name}, und auch anonyme Anfragen laufen als Poolidentität. Sie hat auf {path} {effective}, braucht aber {needs}: IIS antwortet mit HTTP 500.19 (0x80070005) oder 401.3.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="229"/>
        <source>Anonymous requests run as {name}, which has {effective} access to {path} but needs {needs}: IIS answers HTTP 401.3.</source>
        <translation>Anonyme Anfragen laufen als {name}. Dieses Konto hat auf {path} {effective}, braucht aber {needs}: IIS antwortet mit HTTP 401.3.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="234"/>
        <source>Anonymous requests run as {name}, an account the server could not resolve to a SID; its access cannot be checked.</source>
        <translation>Anonyme Anfragen laufen als {name}, einem Konto, das der Server nicht in eine SID auflösen konnte; sein Zugriff lässt sich nicht prüfen.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="239"/>
        <source>The worker process of application pool {pool} runs as {name}, which has {effective} access to {path} but needs {needs}: IIS answers HTTP 500.19 (0x80070005). IIS_IUSRS has the access, but the pool sets manualGroupMembership and {name} is not a stored member of IIS_IUSRS, so its worker does not carry the group.</source>
        <translation>Der Arbeitsprozess des Anwendungspools {pool} läuft als {name} und hat {effective} auf {path}, braucht aber {needs}: IIS antwortet mit HTTP 500.19 (0x80070005). IIS_IUSRS hätte den Zugriff, aber der Pool setzt manualGroupMembership und {name} ist kein gespeichertes Mitglied von IIS_IUSRS, also trägt sein Arbeitsprozess die Gruppe nicht.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="246"/>
        <source>{name} has {effective} access to {path}, which covers the {needs} access it needs, through IIS_IUSRS: application pool {pool} sets manualGroupMembership, and its worker carries the group because {member} is a stored member.</source>
        <translation>{name} hat {effective} auf {path} und damit {needs}, wie benötigt – über IIS_IUSRS: Der Anwendungspool {pool} setzt manualGroupMembership, und sein Arbeitsprozess trägt die Gruppe, weil {member} ein gespeichertes Mitglied ist.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="252"/>
        <source>{name} needs {needs} access to {path}, but a deny entry for {denied} takes it away: adding an allow entry would not help. Remove or narrow the deny entry first.</source>
        <translation>{name} braucht auf {path} {needs}, aber ein Verweigern-Eintrag für {denied} hebt sie auf: Ein zusätzlicher Zulassen-Eintrag hilft nicht. Entfernen oder beschränken Sie zuerst den Verweigern-Eintrag.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="257"/>
        <source>{path} is a network share. The accounts on this server (such as IUSR) mean nothing on the file server, so access must be granted there, to the account the share is reached as.</source>
        <translation>{path} ist eine Netzwerkfreigabe. Die Konten dieses Servers (etwa IUSR) gelten auf dem Dateiserver nicht; der Zugriff muss dort gewährt werden, für das Konto, mit dem die Freigabe erreicht wird.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="262"/>
        <source>{path} does not exist on the server; IIS cannot serve it.</source>
        <translation>{path} existiert auf dem Server nicht; IIS kann es nicht ausliefern.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="263"/>
        <source>{path} uses %{variable}%, which is not defined on the server: IIS cannot serve it. Define the variable on the server or give the full path.</source>
        <translation>{path} verwendet %{variable}%, das auf dem Server nicht definiert ist: IIS kann es nicht ausliefern. Definieren Sie die Variable auf dem Server oder geben Sie den vollständigen Pfad an.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="268"/>
        <source>{path} is a file, not a folder.</source>
        <translation>{path} ist eine Datei, kein Ordner.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="269"/>
        <source>The ACL of {path} is not in canonical order ({entries} out of place): Windows refuses to add an entry to it (AddAccessRule throws). Open the folder&apos;s Security tab in Explorer, which offers to reorder it, then check again.</source>
        <translation>Die ACL von {path} ist nicht in kanonischer Reihenfolge ({entries} an falscher Stelle): Windows fügt ihr keinen Eintrag hinzu (AddAccessRule löst eine Ausnahme aus). Öffnen Sie im Explorer die Registerkarte „Sicherheit“ des Ordners, die anbietet, sie neu zu ordnen, und prüfen Sie dann erneut.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="275"/>
        <source>The folder&apos;s permissions could not be read: {error}</source>
        <translation>Die Berechtigungen des Ordners konnten nicht gelesen werden: {error}</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="276"/>
        <source>{path} is a network share. A grant to this server&apos;s IUSR or pool identity means nothing on the file server: grant access on the file server itself, to the account the share is reached as.</source>
        <translation>{path} ist eine Netzwerkfreigabe. Eine Berechtigung für IUSR oder die Poolidentität dieses Servers gilt auf dem Dateiserver nicht: Gewähren Sie den Zugriff auf dem Dateiserver selbst, für das Konto, mit dem die Freigabe erreicht wird.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="281"/>
        <source>{path} is not a full local path such as D:\sites\shop.</source>
        <translation>{path} ist kein vollständiger lokaler Pfad wie D:\sites\shop.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="282"/>
        <source>{path} is the root of a drive: an inheritable grant there would reach every folder on the drive.</source>
        <translation>{path} ist das Stammverzeichnis eines Laufwerks: Eine vererbbare Berechtigung dort erreicht jeden Ordner des Laufwerks.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="286"/>
        <source>{path} is the Windows directory or inside it; its permissions belong to Windows.</source>
        <translation>{path} ist das Windows-Verzeichnis oder liegt darin; seine Berechtigungen gehören Windows.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="289"/>
        <source>{path} is a Program Files folder or inside it; installed programs rely on its permissions.</source>
        <translation>{path} ist ein Programme-Ordner oder liegt darin; installierte Programme verlassen sich auf seine Berechtigungen.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="292"/>
        <source>{path} is ProgramData or inside it; services and programs keep their settings there.</source>
        <translation>{path} ist ProgramData oder liegt darin; Dienste und Programme speichern dort ihre Einstellungen.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="295"/>
        <source>{path} is a user profile folder (or the folder of all profiles); it holds private files.</source>
        <translation>{path} ist ein Benutzerprofilordner (oder der Ordner aller Profile); er enthält private Dateien.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="298"/>
        <source>{path} is one of the folders Windows keeps on a drive (System Volume Information, $Recycle.Bin, Recovery, Boot) or inside it; its permissions belong to Windows.</source>
        <translation>{path} ist einer der Ordner, die Windows auf einem Laufwerk anlegt (System Volume Information, $Recycle.Bin, Recovery, Boot), oder liegt darin; seine Berechtigungen gehören Windows.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="303"/>
        <source>{path} is the inetpub folder, the parent of the server&apos;s sites: an inheritable grant there would reach every site below it. Grant on the site&apos;s own folder.</source>
        <translation>{path} ist der Ordner inetpub, der Ordner über den Websites des Servers: eine vererbbare Berechtigung dort erreichte jede Website darunter. Berechtigen Sie den eigenen Ordner der Website.</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="308"/>
        <source>IIS_IUSRS is in the token of every application pool on {host}: with Modify on the whole site root {path}, any site on the server could change this site&apos;s files. Grant Modify to the site&apos;s own pool identity ({pool_account}) instead, and only on the folder the application writes to, such as {path}\App_Data or {path}\uploads.</source>
        <translation>IIS_IUSRS steht im Token jedes Anwendungspools auf {host}: Mit „Ändern“ auf dem gesamten Websitestamm {path} könnte jede Website des Servers die Dateien dieser Website ändern. Gewähren Sie „Ändern“ stattdessen der eigenen Poolidentität der Website ({pool_account}) und nur für den Ordner, in den die Anwendung schreibt, etwa {path}\App_Data oder {path}\uploads.</translation>
    </message>
    <message>
        <location filename="../../gui/members_view.py" line="29"/>
        <source>IUSR is not a member of IIS_IUSRS, so a grant to IIS_IUSRS does not let anonymous requests in.</source>
        <translation>IUSR ist kein Mitglied von IIS_IUSRS: Eine Berechtigung für IIS_IUSRS lässt anonyme Anfragen nicht herein.</translation>
    </message>
    <message>
        <location filename="../../gui/members_view.py" line="33"/>
        <source>IUSR&apos;s token carries Users, so a grant to Users lets anonymous requests in, as well as every worker process and every account that can sign in to this server.</source>
        <translation>Das Token von IUSR enthält „Benutzer“ (Users): Eine Berechtigung für diese Gruppe lässt anonyme Anfragen herein, ebenso jeden Arbeitsprozess und jedes Konto, das sich an diesem Server anmelden kann.</translation>
    </message>
    <message>
        <location filename="../../gui/members_view.py" line="38"/>
        <source>Authenticated Users stores no members: Windows puts it in the token of every account that signs in, IUSR and every worker process included, so a grant to it lets anonymous requests in.</source>
        <translation>„Authentifizierte Benutzer“ speichert keine Mitglieder: Windows setzt die Gruppe in das Token jedes angemeldeten Kontos, IUSR und alle Arbeitsprozesse eingeschlossen – eine Berechtigung dafür lässt also anonyme Anfragen herein.</translation>
    </message>
    <message>
        <location filename="../../gui/members_view.py" line="43"/>
        <source>Application pool {pool} sets manualGroupMembership: IIS does not add IIS_IUSRS to its worker token and {name} is not a stored member, so a grant to IIS_IUSRS does not reach this pool.</source>
        <translation>Der Anwendungspool {pool} setzt manualGroupMembership: IIS fügt IIS_IUSRS nicht in das Token seines Arbeitsprozesses ein, und {name} ist kein gespeichertes Mitglied – eine Berechtigung für IIS_IUSRS erreicht diesen Pool nicht.</translation>
    </message>
    <message>
        <location filename="../../gui/members_view.py" line="48"/>
        <source>Application pool {pool} sets manualGroupMembership: IIS does not add IIS_IUSRS to its worker token, but the worker carries it because {member} is a stored member.</source>
        <translation>Der Anwendungspool {pool} setzt manualGroupMembership: IIS fügt IIS_IUSRS nicht in das Token seines Arbeitsprozesses ein, aber der Arbeitsprozess trägt die Gruppe, weil {member} ein gespeichertes Mitglied ist.</translation>
    </message>
</context>
<context>
    <name>ChangeNotice</name>
    <message>
        <location filename="../../gui/notice.py" line="23"/>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <location filename="../../gui/notice.py" line="28"/>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../../gui/notice.py" line="41"/>
        <source>Granted {identity} {rights} on {path}.</source>
        <translation>{identity} hat jetzt „{rights}“ auf {path}.</translation>
    </message>
    <message>
        <location filename="../../gui/notice.py" line="52"/>
        <source>Undone: {path} has its previous permissions again.</source>
        <translation>Rückgängig gemacht: {path} hat wieder seine vorherigen Berechtigungen.</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <location filename="../../gui/columns.py" line="48"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../gui/columns.py" line="49"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../gui/columns.py" line="50"/>
        <source>Identity type</source>
        <translation>Identitätstyp</translation>
    </message>
    <message>
        <location filename="../../gui/columns.py" line="51"/>
        <source>Identity account</source>
        <translation>Identitätskonto</translation>
    </message>
    <message>
        <location filename="../../gui/columns.py" line="52"/>
        <source>SID</source>
        <translation>SID</translation>
    </message>
    <message>
        <location filename="../../gui/columns.py" line="54"/>
        <source>.NET CLR version</source>
        <translation>.NET-CLR-Version</translation>
    </message>
    <message>
        <location filename="../../gui/columns.py" line="58"/>
        <source>Pipeline mode</source>
        <translation>Pipelinemodus</translation>
    </message>
    <message>
        <location filename="../../gui/columns.py" line="62"/>
        <source>Applications</source>
        <translation>Anwendungen</translation>
    </message>
    <message>
        <location filename="../../gui/columns.py" line="67"/>
        <source>IIS_IUSRS in the worker token</source>
        <translation>IIS_IUSRS im Token des Arbeitsprozesses</translation>
    </message>
    <message>
        <location filename="../../gui/columns.py" line="73"/>
        <location filename="../../gui/columns.py" line="109"/>
        <source>Click to see who is behind IIS_IUSRS</source>
        <translation>Klicken, um zu sehen, wer hinter IIS_IUSRS steht</translation>
    </message>
    <message>
        <location filename="../../gui/columns.py" line="103"/>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location filename="../../gui/columns.py" line="115"/>
        <location filename="../../gui/columns.py" line="148"/>
        <source>Rights</source>
        <translation>Rechte</translation>
    </message>
    <message>
        <location filename="../../gui/columns.py" line="117"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../../gui/columns.py" line="119"/>
        <source>Deny</source>
        <translation>Verweigern</translation>
    </message>
    <message>
        <location filename="../../gui/columns.py" line="121"/>
        <source>Allow</source>
        <translation>Zulassen</translation>
    </message>
    <message>
        <location filename="../../gui/columns.py" line="127"/>
        <source>Source</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <location filename="../../gui/columns.py" line="129"/>
        <source>Inherited</source>
        <translation>Geerbt</translation>
    </message>
    <message>
        <location filename="../../gui/columns.py" line="131"/>
        <source>Explicit</source>
        <translation>Explizit</translation>
    </message>
    <message>
        <location filename="../../gui/columns.py" line="134"/>
        <source>Applies to</source>
        <translation>Gilt für</translation>
    </message>
    <message>
        <location filename="../../gui/columns.py" line="140"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../../gui/columns.py" line="141"/>
        <location filename="../../gui/columns.py" line="156"/>
        <location filename="../../gui/columns.py" line="182"/>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <location filename="../../gui/columns.py" line="142"/>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <location filename="../../gui/columns.py" line="144"/>
        <source>Identity</source>
        <translation>Identität</translation>
    </message>
    <message>
        <location filename="../../gui/columns.py" line="149"/>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location filename="../../gui/columns.py" line="183"/>
        <source>Site / application</source>
        <translation>Website / Anwendung</translation>
    </message>
    <message>
        <location filename="../../gui/columns.py" line="185"/>
        <source>Access</source>
        <translation>Zugriff</translation>
    </message>
    <message>
        <location filename="../../gui/columns.py" line="189"/>
        <source>Physical path</source>
        <translation>Physischer Pfad</translation>
    </message>
    <message>
        <location filename="../../gui/columns.py" line="190"/>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <location filename="../../gui/confirm.py" line="131"/>
        <source>Confirm change</source>
        <translation>Änderung bestätigen</translation>
    </message>
    <message>
        <location filename="../../gui/confirm.py" line="131"/>
        <source>Grant {identity} {rights} on this folder?</source>
        <translation>{identity} „{rights}“ für diesen Ordner gewähren?</translation>
    </message>
    <message>
        <location filename="../../gui/confirm.py" line="76"/>
        <source>The same change by hand:</source>
        <translation>Dieselbe Änderung von Hand:</translation>
    </message>
    <message>
        <location filename="../../gui/confirm.py" line="80"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../../gui/confirm.py" line="100"/>
        <source>Host:</source>
        <translation>Host:</translation>
    </message>
    <message>
        <location filename="../../gui/confirm.py" line="101"/>
        <source>Folder:</source>
        <translation>Ordner:</translation>
    </message>
    <message>
        <location filename="../../gui/confirm.py" line="102"/>
        <source>Identity:</source>
        <translation>Identität:</translation>
    </message>
    <message>
        <location filename="../../gui/confirm.py" line="103"/>
        <source>Rights:</source>
        <translation>Rechte:</translation>
    </message>
    <message>
        <location filename="../../gui/confirm.py" line="104"/>
        <source>Applies to:</source>
        <translation>Gilt für:</translation>
    </message>
    <message>
        <location filename="../../gui/confirm.py" line="120"/>
        <source>Nothing to do</source>
        <translation>Nichts zu tun</translation>
    </message>
    <message>
        <location filename="../../gui/confirm.py" line="121"/>
        <source>Nothing to do: {identity} already has {rights} here.</source>
        <translation>Nichts zu tun: {identity} hat hier bereits „{rights}“.</translation>
    </message>
    <message>
        <location filename="../../gui/confirm.py" line="124"/>
        <location filename="../../gui/confirm.py" line="128"/>
        <source>Change refused</source>
        <translation>Änderung abgelehnt</translation>
    </message>
    <message>
        <location filename="../../gui/confirm.py" line="124"/>
        <source>Refused: {reason}</source>
        <translation>Abgelehnt: {reason}</translation>
    </message>
    <message>
        <location filename="../../gui/confirm.py" line="129"/>
        <source>Refused: a deny entry takes {rights} away from {identity}.</source>
        <translation>Abgelehnt: Ein Verweigern-Eintrag entzieht {identity} das Recht {rights}.</translation>
    </message>
    <message>
        <location filename="../../gui/confirm.py" line="138"/>
        <source>The folder already gives this access; nothing will be changed.</source>
        <translation>Der Ordner gewährt diesen Zugriff bereits; es wird nichts geändert.</translation>
    </message>
    <message>
        <location filename="../../gui/confirm.py" line="142"/>
        <source>IIS Access does not change permissions on this folder; nothing will be changed.</source>
        <translation>IIS Access ändert die Berechtigungen dieses Ordners nicht; es wird nichts geändert.</translation>
    </message>
    <message>
        <location filename="../../gui/confirm.py" line="146"/>
        <source>Adding an allow entry would not help: remove or narrow the deny entry first.</source>
        <translation>Ein zusätzlicher Zulassen-Eintrag hilft nicht: Entfernen oder beschränken Sie zuerst den Verweigern-Eintrag.</translation>
    </message>
    <message>
        <location filename="../../gui/confirm.py" line="171"/>
        <location filename="../../gui/confirm.py" line="187"/>
        <source>Grant</source>
        <translation>Gewähren</translation>
    </message>
    <message>
        <location filename="../../gui/confirm.py" line="187"/>
        <source>Granting…</source>
        <translation>Wird gewährt…</translation>
    </message>
</context>
<context>
    <name>Details</name>
    <message>
        <location filename="../../gui/details.py" line="41"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../gui/details.py" line="43"/>
        <source>Blocked by deny</source>
        <translation>Durch Verweigern blockiert</translation>
    </message>
    <message>
        <location filename="../../gui/details.py" line="44"/>
        <source>Missing</source>
        <translation>Fehlt</translation>
    </message>
    <message>
        <location filename="../../gui/details.py" line="62"/>
        <source>Identity</source>
        <translation>Identität</translation>
    </message>
    <message>
        <location filename="../../gui/details.py" line="66"/>
        <source>Needs</source>
        <translation>Braucht</translation>
    </message>
    <message>
        <location filename="../../gui/details.py" line="67"/>
        <source>Has</source>
        <translation>Hat</translation>
    </message>
    <message>
        <location filename="../../gui/details.py" line="68"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../gui/details.py" line="69"/>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
</context>
<context>
    <name>DetailsPane</name>
    <message>
        <location filename="../../gui/details.py" line="90"/>
        <source>Served as</source>
        <translation>Ausgeliefert als</translation>
    </message>
    <message>
        <location filename="../../gui/details.py" line="102"/>
        <source>Who needs what</source>
        <translation>Wer braucht was</translation>
    </message>
    <message>
        <location filename="../../gui/details.py" line="110"/>
        <source>Permissions of the folder</source>
        <translation>Berechtigungen des Ordners</translation>
    </message>
    <message>
        <location filename="../../gui/details.py" line="114"/>
        <source>Grant on the folder itself or on one of its subfolders</source>
        <translation>Für den Ordner selbst oder einen seiner Unterordner gewähren</translation>
    </message>
    <message>
        <location filename="../../gui/details.py" line="135"/>
        <source>Grant IUSR read</source>
        <translation>IUSR Lesen gewähren</translation>
    </message>
    <message>
        <location filename="../../gui/details.py" line="136"/>
        <source>Grant IIS_IUSRS modify</source>
        <translation>IIS_IUSRS Ändern gewähren</translation>
    </message>
    <message>
        <location filename="../../gui/details.py" line="137"/>
        <source>Grant pool identity read</source>
        <translation>Poolidentität Lesen gewähren</translation>
    </message>
    <message>
        <location filename="../../gui/details.py" line="138"/>
        <source>Grant pool identity modify</source>
        <translation>Poolidentität Ändern gewähren</translation>
    </message>
    <message>
        <location filename="../../gui/details.py" line="146"/>
        <source>On:</source>
        <translation>Für:</translation>
    </message>
    <message>
        <location filename="../../gui/details.py" line="148"/>
        <source>Fix</source>
        <translation>Beheben</translation>
    </message>
    <message>
        <location filename="../../gui/details.py" line="155"/>
        <source>Select a site, application or virtual directory</source>
        <translation>Wählen Sie eine Website, Anwendung oder ein virtuelles Verzeichnis</translation>
    </message>
    <message>
        <location filename="../../gui/details.py" line="183"/>
        <source>The folder itself</source>
        <translation>Den Ordner selbst</translation>
    </message>
    <message>
        <location filename="../../gui/details.py" line="196"/>
        <source>&lt;b&gt;Anonymous:&lt;/b&gt; anonymous authentication is off.</source>
        <translation>&lt;b&gt;Anonym:&lt;/b&gt; Die anonyme Authentifizierung ist ausgeschaltet.</translation>
    </message>
    <message>
        <location filename="../../gui/details.py" line="200"/>
        <source>&lt;b&gt;Anonymous:&lt;/b&gt; {identity} — anonymous authentication uses the application pool identity.</source>
        <translation>&lt;b&gt;Anonym:&lt;/b&gt; {identity} – die anonyme Authentifizierung verwendet die Identität des Anwendungspools.</translation>
    </message>
    <message>
        <location filename="../../gui/details.py" line="207"/>
        <source>&lt;b&gt;Anonymous:&lt;/b&gt; {identity} — the user name set for anonymous authentication.</source>
        <translation>&lt;b&gt;Anonym:&lt;/b&gt; {identity} – der für die anonyme Authentifizierung eingetragene Benutzer.</translation>
    </message>
    <message>
        <location filename="../../gui/details.py" line="213"/>
        <source>&lt;b&gt;Worker process:&lt;/b&gt; {identity} — application pool {pool} ({type}).</source>
        <translation>&lt;b&gt;Arbeitsprozess:&lt;/b&gt; {identity} – Anwendungspool {pool} ({type}).</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <location filename="../../gui/errors.py" line="68"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../gui/errors.py" line="76"/>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <location filename="../../gui/errors.py" line="177"/>
        <source>Unexpected error</source>
        <translation>Unerwarteter Fehler</translation>
    </message>
    <message>
        <location filename="../../gui/errors.py" line="182"/>
        <source>IIS Access ran into a problem it did not expect.</source>
        <translation>IIS Access ist auf ein unerwartetes Problem gestoßen.</translation>
    </message>
    <message>
        <location filename="../../gui/errors.py" line="184"/>
        <source>The details were written to the log file:
{path}</source>
        <translation>Die Einzelheiten stehen in der Protokolldatei:
{path}</translation>
    </message>
</context>
<context>
    <name>GrantFlow</name>
    <message>
        <location filename="../../gui/grant_flow.py" line="166"/>
        <source>{host} is not connected, so the change cannot be undone now.</source>
        <translation>{host} ist nicht verbunden; die Änderung kann jetzt nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <location filename="../../gui/grant_flow.py" line="169"/>
        <source>Select the host to connect to it, then undo again from the History tab.</source>
        <translation>Wählen Sie den Host aus, um sich zu verbinden, und machen Sie die Änderung dann im Verlauf rückgängig.</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <location filename="../../gui/help_menu.py" line="62"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../../gui/help_menu.py" line="64"/>
        <source>&amp;How it decides</source>
        <translation>&amp;Wie es entscheidet</translation>
    </message>
    <message>
        <location filename="../../gui/help_menu.py" line="66"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../../gui/help_menu.py" line="67"/>
        <source>Open &amp;log folder</source>
        <translation>&amp;Protokollordner öffnen</translation>
    </message>
    <message>
        <location filename="../../gui/help_menu.py" line="69"/>
        <source>&amp;About IIS Access</source>
        <translation>Ü&amp;ber IIS Access</translation>
    </message>
    <message>
        <location filename="../../gui/help_menu.py" line="95"/>
        <source>&lt;h3&gt;How IIS Access decides&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Grant by SID, never by name&lt;/b&gt;: account names are not localized but their domain prefixes are (&lt;code&gt;NT-AUTORITÄT\IUSR&lt;/code&gt; on German Windows). A grant is one inheritable allow entry on the folder, like &lt;code&gt;icacls &amp;lt;dir&amp;gt; /grant *S-1-5-17:(OI)(CI)RX&lt;/code&gt;.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Effective access&lt;/b&gt;, not a search for a name: allow entries for any SID in the identity&apos;s token, minus deny entries. A fresh wwwroot has no IUSR entry and still serves anonymous requests, because IUSR&apos;s token carries Users.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Least privilege first&lt;/b&gt;: IIS_IUSRS is in every worker&apos;s token, so Modify for it on a site root lets every pool on the server write there; prefer the pool identity, on the subfolder the application writes to.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Nothing you type becomes code&lt;/b&gt;: the PowerShell that runs on a server is a constant script; paths, names and SIDs travel only as parameters.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Safe changes&lt;/b&gt;: every change is recorded before it is sent and can be undone; a grant or undo is refused if the folder&apos;s permissions changed since they were read.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;h3&gt;Wie IIS Access entscheidet&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Berechtigungen über die SID, nie über den Namen&lt;/b&gt;: Kontonamen werden nicht übersetzt, ihre Domänenpräfixe schon (&lt;code&gt;NT-AUTORITÄT\IUSR&lt;/code&gt; unter deutschem Windows). Eine Berechtigung ist ein vererbbarer Zulassen-Eintrag am Ordner, wie &lt;code&gt;icacls &amp;lt;dir&amp;gt; /grant *S-1-5-17:(OI)(CI)RX&lt;/code&gt;.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Effektiver Zugriff&lt;/b&gt; statt Suche nach einem Namen: Zulassen-Einträge für jede SID im Token der Identität, abzüglich der Verweigern-Einträge. Ein frisches wwwroot hat keinen IUSR-Eintrag und beantwortet anonyme Anfragen trotzdem, weil das Token von IUSR die Gruppe Benutzer enthält.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Geringste Rechte zuerst&lt;/b&gt;: IIS_IUSRS steht im Token jedes Arbeitsprozesses; Ändern für diese Gruppe am Stammordner einer Website lässt jeden Pool des Servers dort schreiben. Besser die Poolidentität, und nur im Unterordner, in den die Anwendung schreibt.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Was Sie eingeben, wird nie zu Code&lt;/b&gt;: Das PowerShell-Skript auf dem Server ist konstant; Pfade, Namen und SIDs reisen nur als Parameter.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Sichere Änderungen&lt;/b&gt;: Jede Änderung wird vor dem Senden aufgezeichnet und kann rückgängig gemacht werden; eine Berechtigung oder ein Rückgängigmachen wird abgelehnt, wenn sich die Berechtigungen des Ordners seit dem Lesen geändert haben.&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/help_menu.py" line="113"/>
        <source>How it decides</source>
        <translation>Wie es entscheidet</translation>
    </message>
    <message>
        <location filename="../../gui/help_menu.py" line="123"/>
        <source>Every menu opens with Alt and its underlined letter.</source>
        <translation>Jedes Menü öffnet sich mit Alt und seinem unterstrichenen Buchstaben.</translation>
    </message>
    <message>
        <location filename="../../gui/help_menu.py" line="128"/>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../../gui/help_menu.py" line="137"/>
        <source>&lt;h3&gt;IIS Access {version}&lt;/h3&gt;&lt;p&gt;Which account needs access to each IIS site&apos;s folder, and does it have it?&lt;/p&gt;&lt;p&gt;Qt {qt} · PySide6 {pyside} · pypsrp {pypsrp}&lt;/p&gt;&lt;p&gt;Licence: {licence}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;IIS Access {version}&lt;/h3&gt;&lt;p&gt;Welches Konto braucht Zugriff auf den Ordner jeder IIS-Website, und hat es ihn?&lt;/p&gt;&lt;p&gt;Qt {qt} · PySide6 {pyside} · pypsrp {pypsrp}&lt;/p&gt;&lt;p&gt;Lizenz: {licence}&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/help_menu.py" line="148"/>
        <source>About IIS Access</source>
        <translation>Über IIS Access</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location filename="../../gui/history_view.py" line="23"/>
        <source>Undo selected change</source>
        <translation>Ausgewählte Änderung rückgängig machen</translation>
    </message>
</context>
<context>
    <name>HostActions</name>
    <message>
        <location filename="../../gui/host_actions.py" line="39"/>
        <source>&amp;Add remote host…</source>
        <translation>Remote-Host &amp;hinzufügen…</translation>
    </message>
    <message>
        <location filename="../../gui/host_actions.py" line="40"/>
        <source>&amp;Edit host…</source>
        <translation>Host &amp;bearbeiten…</translation>
    </message>
    <message>
        <location filename="../../gui/host_actions.py" line="41"/>
        <source>&amp;Remove host</source>
        <translation>Host &amp;entfernen</translation>
    </message>
</context>
<context>
    <name>HostDialog</name>
    <message>
        <location filename="../../gui/host_dialog.py" line="30"/>
        <source>Add remote host</source>
        <translation>Remote-Host hinzufügen</translation>
    </message>
    <message>
        <location filename="../../gui/host_dialog.py" line="30"/>
        <source>Edit remote host</source>
        <translation>Remote-Host bearbeiten</translation>
    </message>
    <message>
        <location filename="../../gui/host_dialog.py" line="33"/>
        <source>web01.example.com</source>
        <translation>web01.example.com</translation>
    </message>
    <message>
        <location filename="../../gui/host_dialog.py" line="35"/>
        <source>HTTPS (port 5986)</source>
        <translation>HTTPS (Port 5986)</translation>
    </message>
    <message>
        <location filename="../../gui/host_dialog.py" line="36"/>
        <source>HTTP, message-encrypted (port 5985)</source>
        <translation>HTTP, nachrichtenverschlüsselt (Port 5985)</translation>
    </message>
    <message>
        <location filename="../../gui/host_dialog.py" line="42"/>
        <source>Negotiate (Kerberos or NTLM)</source>
        <translation>Negotiate (Kerberos oder NTLM)</translation>
    </message>
    <message>
        <location filename="../../gui/host_dialog.py" line="43"/>
        <source>Kerberos</source>
        <translation>Kerberos</translation>
    </message>
    <message>
        <location filename="../../gui/host_dialog.py" line="44"/>
        <source>NTLM</source>
        <translation>NTLM</translation>
    </message>
    <message>
        <location filename="../../gui/host_dialog.py" line="45"/>
        <source>CredSSP</source>
        <translation>CredSSP</translation>
    </message>
    <message>
        <location filename="../../gui/host_dialog.py" line="46"/>
        <source>Basic (HTTPS only)</source>
        <translation>Standard (nur HTTPS)</translation>
    </message>
    <message>
        <location filename="../../gui/host_dialog.py" line="50"/>
        <source>DOMAIN\admin</source>
        <translation>DOMÄNE\admin</translation>
    </message>
    <message>
        <location filename="../../gui/host_dialog.py" line="53"/>
        <source>Remember the password in the system keyring</source>
        <translation>Kennwort im Schlüsselbund des Systems speichern</translation>
    </message>
    <message>
        <location filename="../../gui/host_dialog.py" line="55"/>
        <source>optional: CA certificate file (PEM)</source>
        <translation>optional: Zertifikatsdatei der Zertifizierungsstelle (PEM)</translation>
    </message>
    <message>
        <location filename="../../gui/host_dialog.py" line="57"/>
        <source>optional: SHA-256 thumbprint to pin</source>
        <translation>optional: SHA-256-Fingerabdruck zum Festlegen</translation>
    </message>
    <message>
        <location filename="../../gui/host_dialog.py" line="61"/>
        <source>Host:</source>
        <translation>Host:</translation>
    </message>
    <message>
        <location filename="../../gui/host_dialog.py" line="62"/>
        <source>Transport:</source>
        <translation>Transport:</translation>
    </message>
    <message>
        <location filename="../../gui/host_dialog.py" line="63"/>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <location filename="../../gui/host_dialog.py" line="64"/>
        <source>Authentication:</source>
        <translation>Authentifizierung:</translation>
    </message>
    <message>
        <location filename="../../gui/host_dialog.py" line="65"/>
        <source>User:</source>
        <translation>Benutzer:</translation>
    </message>
    <message>
        <location filename="../../gui/host_dialog.py" line="66"/>
        <source>Password:</source>
        <translation>Kennwort:</translation>
    </message>
    <message>
        <location filename="../../gui/host_dialog.py" line="68"/>
        <source>CA file:</source>
        <translation>CA-Datei:</translation>
    </message>
    <message>
        <location filename="../../gui/host_dialog.py" line="69"/>
        <source>Thumbprint:</source>
        <translation>Fingerabdruck:</translation>
    </message>
    <message>
        <location filename="../../gui/host_dialog.py" line="95"/>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
</context>
<context>
    <name>Hosts</name>
    <message>
        <location filename="../../gui/hosts.py" line="245"/>
        <source>The sites shown are as last read and may be out of date.</source>
        <translation>Die angezeigten Websites sind der zuletzt gelesene Stand und können veraltet sein.</translation>
    </message>
    <message>
        <location filename="../../gui/hosts.py" line="264"/>
        <source>{state} · certificate NOT verified</source>
        <translation>{state} · Zertifikat NICHT geprüft</translation>
    </message>
    <message>
        <location filename="../../gui/hosts.py" line="79"/>
        <source>This computer</source>
        <translation>Dieser Computer</translation>
    </message>
    <message>
        <location filename="../../gui/hosts.py" line="81"/>
        <source>Demo lab</source>
        <translation>Demo-Labor</translation>
    </message>
    <message>
        <location filename="../../gui/hosts.py" line="250"/>
        <source>{host}: {sites} sites, {problems} need attention</source>
        <translation>{host}: {sites} Websites, {problems} brauchen Aufmerksamkeit</translation>
    </message>
    <message>
        <location filename="../../gui/hosts.py" line="274"/>
        <source>Connected · all good</source>
        <translation>Verbunden · alles in Ordnung</translation>
    </message>
    <message>
        <location filename="../../gui/hosts.py" line="275"/>
        <source>Connected · {count} to fix</source>
        <translation>Verbunden · {count} zu beheben</translation>
    </message>
    <message>
        <location filename="../../gui/hosts.py" line="278"/>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <location filename="../../gui/hosts.py" line="279"/>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
</context>
<context>
    <name>LevelInSentence</name>
    <message>
        <location filename="../../gui/texts.py" line="205"/>
        <source>no</source>
        <translation>keinen Zugriff</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="206"/>
        <source>Read</source>
        <translation>die Berechtigung „Lesen“</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="207"/>
        <source>Read &amp; execute</source>
        <translation>die Berechtigung „Lesen, Ausführen“</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="208"/>
        <source>Modify</source>
        <translation>die Berechtigung „Ändern“</translation>
    </message>
    <message>
        <location filename="../../gui/texts.py" line="209"/>
        <source>Full control</source>
        <translation>Vollzugriff</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py" line="52"/>
        <source>System default</source>
        <translation>Systemvorgabe</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="74"/>
        <source>IIS Access</source>
        <translation>IIS Access</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="88"/>
        <source>Filter sites, applications, pools and paths (Ctrl+F)</source>
        <translation>Websites, Anwendungen, Pools und Pfade filtern (Strg+F)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="129"/>
        <source>Sites</source>
        <translation>Websites</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="130"/>
        <source>Application Pools</source>
        <translation>Anwendungspools</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="131"/>
        <source>All hosts</source>
        <translation>Alle Hosts</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="132"/>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="139"/>
        <source>Hosts</source>
        <translation>Hosts</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="157"/>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="177"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="180"/>
        <source>&amp;Check all hosts</source>
        <translation>Alle Hosts &amp;prüfen</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="181"/>
        <source>&amp;Cancel</source>
        <translation>A&amp;bbrechen</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="182"/>
        <source>&amp;Find</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="183"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="184"/>
        <source>&amp;Host</source>
        <translation>&amp;Host</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="197"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="199"/>
        <source>Who is behind &amp;IIS_IUSRS…</source>
        <translation>Wer steht hinter &amp;IIS_IUSRS…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="200"/>
        <source>Site &amp;columns</source>
        <translation>&amp;Spalten der Websites</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="202"/>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="213"/>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="331"/>
        <source>Working…</source>
        <translation>In Arbeit…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="363"/>
        <source>Cancelled: the operation was stopped.</source>
        <translation>Abgebrochen: der Vorgang wurde angehalten.</translation>
    </message>
</context>
<context>
    <name>Members</name>
    <message>
        <location filename="../../gui/members_view.py" line="70"/>
        <source>Yes, added by IIS</source>
        <translation>Ja, von IIS hinzugefügt</translation>
    </message>
    <message>
        <location filename="../../gui/members_view.py" line="72"/>
        <source>Yes, as a stored member (manualGroupMembership)</source>
        <translation>Ja, als gespeichertes Mitglied (manualGroupMembership)</translation>
    </message>
    <message>
        <location filename="../../gui/members_view.py" line="73"/>
        <source>No (manualGroupMembership)</source>
        <translation>Nein (manualGroupMembership)</translation>
    </message>
    <message>
        <location filename="../../gui/members_view.py" line="80"/>
        <source>(cannot be named: an orphaned or deleted account)</source>
        <translation>(ohne Namen: ein verwaistes oder gelöschtes Konto)</translation>
    </message>
    <message>
        <location filename="../../gui/members_view.py" line="83"/>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location filename="../../gui/members_view.py" line="84"/>
        <location filename="../../gui/members_view.py" line="91"/>
        <source>SID</source>
        <translation>SID</translation>
    </message>
    <message>
        <location filename="../../gui/members_view.py" line="90"/>
        <source>Worker identity</source>
        <translation>Identität des Arbeitsprozesses</translation>
    </message>
    <message>
        <location filename="../../gui/members_view.py" line="92"/>
        <location filename="../../gui/members_view.py" line="98"/>
        <source>Application pool</source>
        <translation>Anwendungspool</translation>
    </message>
    <message>
        <location filename="../../gui/members_view.py" line="100"/>
        <source>Carries IIS_IUSRS</source>
        <translation>Trägt IIS_IUSRS</translation>
    </message>
    <message>
        <location filename="../../gui/members_view.py" line="102"/>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location filename="../../gui/members_view.py" line="104"/>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <location filename="../../gui/members_view.py" line="107"/>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
</context>
<context>
    <name>MembersView</name>
    <message>
        <location filename="../../gui/members_view.py" line="118"/>
        <source>Who is behind IIS_IUSRS</source>
        <translation>Wer steht hinter IIS_IUSRS</translation>
    </message>
    <message>
        <location filename="../../gui/members_view.py" line="135"/>
        <source>Stored members (what Computer Management lists)</source>
        <translation>Gespeicherte Mitglieder (was die Computerverwaltung anzeigt)</translation>
    </message>
    <message>
        <location filename="../../gui/members_view.py" line="136"/>
        <source>Added at run time (in the worker token, never listed)</source>
        <translation>Zur Laufzeit hinzugefügt (im Token des Arbeitsprozesses, nie aufgelistet)</translation>
    </message>
    <message>
        <location filename="../../gui/members_view.py" line="137"/>
        <source>Exceptions: pools that set manualGroupMembership</source>
        <translation>Ausnahmen: Pools mit manualGroupMembership</translation>
    </message>
    <message>
        <location filename="../../gui/members_view.py" line="169"/>
        <source>Reading the group&apos;s members…</source>
        <translation>Die Mitglieder der Gruppe werden gelesen…</translation>
    </message>
    <message>
        <location filename="../../gui/members_view.py" line="171"/>
        <source>The host is not connected or is busy; try again in a moment.</source>
        <translation>Der Host ist nicht verbunden oder beschäftigt; bitte gleich noch einmal versuchen.</translation>
    </message>
    <message>
        <location filename="../../gui/members_view.py" line="183"/>
        <source>The group has no stored members: the usual case.</source>
        <translation>Die Gruppe hat keine gespeicherten Mitglieder: der Normalfall.</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <location filename="../../gui/recovery.py" line="45"/>
        <source>Restart as &amp;administrator</source>
        <translation>Als &amp;Administrator neu starten</translation>
    </message>
    <message>
        <location filename="../../gui/recovery.py" line="67"/>
        <source>Restart as administrator</source>
        <translation>Als Administrator neu starten</translation>
    </message>
    <message>
        <location filename="../../gui/recovery.py" line="69"/>
        <source>Sign in…</source>
        <translation>Anmelden…</translation>
    </message>
    <message>
        <location filename="../../gui/recovery.py" line="120"/>
        <source>IIS Access keeps running without administrator rights: the request was declined.</source>
        <translation>IIS Access läuft ohne Administratorrechte weiter: die Anfrage wurde abgelehnt.</translation>
    </message>
    <message>
        <location filename="../../gui/recovery.py" line="125"/>
        <source>Windows could not restart IIS Access as administrator (error {code}).</source>
        <translation>Windows konnte IIS Access nicht als Administrator neu starten (Fehler {code}).</translation>
    </message>
</context>
<context>
    <name>Rights</name>
    <message>
        <location filename="../../gui/rights_words.py" line="18"/>
        <source>Full control</source>
        <translation>Vollzugriff</translation>
    </message>
    <message>
        <location filename="../../gui/rights_words.py" line="19"/>
        <source>Modify</source>
        <translation>Ändern</translation>
    </message>
    <message>
        <location filename="../../gui/rights_words.py" line="20"/>
        <source>Read &amp; execute</source>
        <translation>Lesen, Ausführen</translation>
    </message>
    <message>
        <location filename="../../gui/rights_words.py" line="21"/>
        <source>Read</source>
        <translation>Lesen</translation>
    </message>
    <message>
        <location filename="../../gui/rights_words.py" line="22"/>
        <source>Write</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <location filename="../../gui/rights_words.py" line="23"/>
        <source>Traverse folder</source>
        <translation>Ordner durchsuchen</translation>
    </message>
    <message>
        <location filename="../../gui/rights_words.py" line="24"/>
        <source>List folder</source>
        <translation>Ordner auflisten</translation>
    </message>
    <message>
        <location filename="../../gui/rights_words.py" line="25"/>
        <source>Read attributes</source>
        <translation>Attribute lesen</translation>
    </message>
    <message>
        <location filename="../../gui/rights_words.py" line="26"/>
        <source>Read extended attributes</source>
        <translation>Erweiterte Attribute lesen</translation>
    </message>
    <message>
        <location filename="../../gui/rights_words.py" line="27"/>
        <source>Create files</source>
        <translation>Dateien erstellen</translation>
    </message>
    <message>
        <location filename="../../gui/rights_words.py" line="28"/>
        <source>Create folders</source>
        <translation>Ordner erstellen</translation>
    </message>
    <message>
        <location filename="../../gui/rights_words.py" line="29"/>
        <source>Write attributes</source>
        <translation>Attribute schreiben</translation>
    </message>
    <message>
        <location filename="../../gui/rights_words.py" line="30"/>
        <source>Write extended attributes</source>
        <translation>Erweiterte Attribute schreiben</translation>
    </message>
    <message>
        <location filename="../../gui/rights_words.py" line="31"/>
        <source>Delete subfolders and files</source>
        <translation>Unterordner und Dateien löschen</translation>
    </message>
    <message>
        <location filename="../../gui/rights_words.py" line="32"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../../gui/rights_words.py" line="33"/>
        <source>Read permissions</source>
        <translation>Berechtigungen lesen</translation>
    </message>
    <message>
        <location filename="../../gui/rights_words.py" line="34"/>
        <source>Change permissions</source>
        <translation>Berechtigungen ändern</translation>
    </message>
    <message>
        <location filename="../../gui/rights_words.py" line="35"/>
        <source>Take ownership</source>
        <translation>Besitz übernehmen</translation>
    </message>
    <message>
        <location filename="../../gui/rights_words.py" line="36"/>
        <source>Access system security</source>
        <translation>Auf Systemsicherheit zugreifen</translation>
    </message>
    <message>
        <location filename="../../gui/rights_words.py" line="37"/>
        <source>Maximum allowed</source>
        <translation>Maximal zulässig</translation>
    </message>
    <message>
        <location filename="../../gui/rights_words.py" line="38"/>
        <source>Synchronize</source>
        <translation>Synchronisieren</translation>
    </message>
    <message>
        <location filename="../../gui/rights_words.py" line="56"/>
        <source>Special: {rights} ({letters})</source>
        <translation>Speziell: {rights} ({letters})</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../gui/sign_in.py" line="16"/>
        <location filename="../../gui/sign_in.py" line="31"/>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location filename="../../gui/sign_in.py" line="17"/>
        <source>Sign in to {host}.</source>
        <translation>Bei {host} anmelden.</translation>
    </message>
    <message>
        <location filename="../../gui/sign_in.py" line="20"/>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <location filename="../../gui/sign_in.py" line="23"/>
        <source>Password</source>
        <translation>Kennwort</translation>
    </message>
    <message>
        <location filename="../../gui/sign_in.py" line="25"/>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <location filename="../../gui/sign_in.py" line="26"/>
        <source>&amp;Password:</source>
        <translation>&amp;Kennwort:</translation>
    </message>
</context>
<context>
    <name>SiteTree</name>
    <message>
        <location filename="../../gui/site_tree.py" line="40"/>
        <source>Sites, applications and virtual directories</source>
        <translation>Websites, Anwendungen und virtuelle Verzeichnisse</translation>
    </message>
</context>
<context>
    <name>SiteTreeModel</name>
    <message>
        <location filename="../../gui/site_model.py" line="79"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../gui/site_model.py" line="80"/>
        <source>Access</source>
        <translation>Zugriff</translation>
    </message>
    <message>
        <location filename="../../gui/site_model.py" line="81"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../gui/site_model.py" line="82"/>
        <source>Bindings</source>
        <translation>Bindungen</translation>
    </message>
    <message>
        <location filename="../../gui/site_model.py" line="83"/>
        <source>Application pool</source>
        <translation>Anwendungspool</translation>
    </message>
    <message>
        <location filename="../../gui/site_model.py" line="84"/>
        <source>Physical path</source>
        <translation>Physischer Pfad</translation>
    </message>
</context>
</TS>
