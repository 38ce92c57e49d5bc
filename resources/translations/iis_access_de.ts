<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>Bridge</name>
    <message>
        <source>Check the user name and password, and the authentication method.</source>
        <translation>Prüfen Sie Benutzername, Kennwort und Authentifizierungsmethode.</translation>
    </message>
    <message>
        <source>Run &apos;Enable-PSRemoting&apos; on the server, or check the port and transport.</source>
        <translation>Führen Sie &apos;Enable-PSRemoting&apos; auf dem Server aus oder prüfen Sie Port und Transport.</translation>
    </message>
    <message>
        <source>Edit the host and set its Session configuration to Microsoft.PowerShell (or the name the administrator registered for Windows PowerShell 5.1).</source>
        <translation>Bearbeiten Sie den Host und setzen Sie seine Sitzungskonfiguration auf Microsoft.PowerShell (oder den Namen, den der Administrator für Windows PowerShell 5.1 registriert hat).</translation>
    </message>
    <message>
        <source>Cannot connect: sign-in needed</source>
        <translation>Keine Verbindung: Anmeldung nötig</translation>
    </message>
    <message>
        <source>Cannot connect: wrong password</source>
        <translation>Keine Verbindung: falsches Kennwort</translation>
    </message>
    <message>
        <source>Cannot connect: host unreachable</source>
        <translation>Keine Verbindung: Host nicht erreichbar</translation>
    </message>
    <message>
        <source>Cannot connect: WinRM not listening</source>
        <translation>Keine Verbindung: WinRM antwortet nicht</translation>
    </message>
    <message>
        <source>Cannot connect: certificate not trusted</source>
        <translation>Keine Verbindung: Zertifikat nicht vertrauenswürdig</translation>
    </message>
    <message>
        <source>Cannot connect</source>
        <translation>Keine Verbindung</translation>
    </message>
    <message>
        <source>Not running as administrator</source>
        <translation>Läuft nicht als Administrator</translation>
    </message>
    <message>
        <source>IIS is not installed</source>
        <translation>IIS ist nicht installiert</translation>
    </message>
    <message>
        <source>No answer in time</source>
        <translation>Keine Antwort in der vorgesehenen Zeit</translation>
    </message>
    <message>
        <source>Failed: see the message</source>
        <translation>Fehlgeschlagen: siehe Meldung</translation>
    </message>
    <message>
        <source>All good</source>
        <translation>In Ordnung</translation>
    </message>
    <message>
        <source>Access missing</source>
        <translation>Zugriff fehlt</translation>
    </message>
    <message>
        <source>Blocked by a deny entry</source>
        <translation>Durch Verweigern-Eintrag blockiert</translation>
    </message>
    <message>
        <source>Cannot be fixed here</source>
        <translation>Hier nicht behebbar</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <source>Read &amp; execute</source>
        <translation>Lesen, Ausführen</translation>
    </message>
    <message>
        <source>Modify</source>
        <translation>Ändern</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Lesen</translation>
    </message>
    <message>
        <source>Full control</source>
        <translation>Vollzugriff</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Give the issuing CA, or pin the certificate&apos;s thumbprint in the host&apos;s settings after checking it on the server (&apos;{command}&apos; prints the SHA-1 thumbprints).</source>
        <translation>Geben Sie die ausstellende Zertifizierungsstelle an, oder hinterlegen Sie den Fingerabdruck des Zertifikats in den Einstellungen des Hosts, nachdem Sie ihn auf dem Server geprüft haben („{command}“ zeigt die SHA-1-Fingerabdrücke).</translation>
    </message>
    <message>
        <source>Choose HTTP as the transport for WinRM&apos;s HTTP listener (usually port 5985; the session is still message-encrypted), or the HTTPS listener&apos;s port (usually 5986).</source>
        <translation>Wählen Sie HTTP als Transport für den HTTP-Listener von WinRM (meist Port 5985; die Sitzung ist trotzdem nachrichtenverschlüsselt) oder den Port des HTTPS-Listeners (meist 5986).</translation>
    </message>
    <message>
        <source>Install the Kerberos extras: pip install &apos;pypsrp[kerberos]&apos; (it brings gssapi and krb5, which need the system&apos;s Kerberos libraries, e.g. libkrb5-dev), or choose NTLM as the authentication.</source>
        <translation>Installieren Sie die Kerberos-Erweiterungen: pip install &apos;pypsrp[kerberos]&apos; (bringt gssapi und krb5 mit, die die Kerberos-Bibliotheken des Systems brauchen, z. B. libkrb5-dev), oder wählen Sie NTLM als Authentifizierung.</translation>
    </message>
    <message>
        <source>Once {host} answers again, refresh to see the folder, or undo change {change_id} in the History tab to restore the ACL recorded before it.</source>
        <translation>Sobald {host} wieder antwortet, aktualisieren Sie die Ansicht, um den Ordner zu sehen, oder machen Sie die Änderung {change_id} im Verlauf rückgängig, um die vorher aufgezeichnete ACL wiederherzustellen.</translation>
    </message>
    <message>
        <source>Once {host} answers again, undo change {change_id} again in the History tab: it checks the folder and completes the undo, or says it is already done.</source>
        <translation>Sobald {host} wieder antwortet, machen Sie die Änderung {change_id} im Verlauf erneut rückgängig: Dabei wird der Ordner geprüft und das Rückgängigmachen abgeschlossen, oder es wird gemeldet, dass es schon erledigt ist.</translation>
    </message>
    <message>
        <source>Too much access</source>
        <translation>Zu viele Rechte</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Arbeitsprozess</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>Anonym</translation>
    </message>
    <message>
        <source>Connect as</source>
        <translation>Verbinden als</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <source>Impersonated</source>
        <translation>Identitätswechsel</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Wird gestartet</translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation>Wird beendet</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Integrated</source>
        <translation>Integriert</translation>
    </message>
    <message>
        <source>Classic</source>
        <translation>Klassisch</translation>
    </message>
    <message>
        <source>No Managed Code</source>
        <translation>Kein verwalteter Code</translation>
    </message>
    <message>
        <source>This folder, subfolders and files</source>
        <translation>Diesen Ordner, Unterordner und Dateien</translation>
    </message>
    <message>
        <source>This folder and subfolders</source>
        <translation>Diesen Ordner und Unterordner</translation>
    </message>
    <message>
        <source>This folder and files</source>
        <translation>Diesen Ordner und Dateien</translation>
    </message>
    <message>
        <source>This folder only</source>
        <translation>Nur diesen Ordner</translation>
    </message>
    <message>
        <source>Subfolders and files only</source>
        <translation>Nur Unterordner und Dateien</translation>
    </message>
    <message>
        <source>Subfolders only</source>
        <translation>Nur Unterordner</translation>
    </message>
    <message>
        <source>Files only</source>
        <translation>Nur Dateien</translation>
    </message>
    <message>
        <source>Nothing (inherit only, not inherited)</source>
        <translation>Nichts (nur vererbbar, wird nicht vererbt)</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>Rückgängig gemacht</translation>
    </message>
    <message>
        <source>Unknown (interrupted)</source>
        <translation>Unbekannt (unterbrochen)</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Nothing to change</source>
        <translation>Nichts zu ändern</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>No access</source>
        <translation>Kein Zugriff</translation>
    </message>
    <message>
        <source>IUSR is not a member of IIS_IUSRS, so a grant to IIS_IUSRS does not let anonymous requests in.</source>
        <comment>note-iis-iusrs</comment>
        <translation>IUSR ist kein Mitglied von IIS_IUSRS: Eine Berechtigung für IIS_IUSRS lässt anonyme Anfragen nicht herein.</translation>
    </message>
    <message>
        <source>IUSR&apos;s token carries Users, so a grant to Users lets anonymous requests in, as well as every worker process and every account that can sign in to this server.</source>
        <comment>note-users</comment>
        <translation>Das Token von IUSR enthält „Benutzer“ (Users): Eine Berechtigung für diese Gruppe lässt anonyme Anfragen herein, ebenso jeden Arbeitsprozess und jedes Konto, das sich an diesem Server anmelden kann.</translation>
    </message>
    <message>
        <source>Authenticated Users stores no members: Windows puts it in the token of every account that signs in, IUSR and every worker process included, so a grant to it lets anonymous requests in.</source>
        <comment>note-authenticated-users</comment>
        <translation>„Authentifizierte Benutzer“ speichert keine Mitglieder: Windows setzt die Gruppe in das Token jedes angemeldeten Kontos, IUSR und alle Arbeitsprozesse eingeschlossen – eine Berechtigung dafür lässt also anonyme Anfragen herein.</translation>
    </message>
    <message>
        <source>Application pool {pool} sets manualGroupMembership: IIS does not add IIS_IUSRS to its worker token and {name} is not a stored member, so a grant to IIS_IUSRS does not reach this pool.</source>
        <comment>manual-not-member</comment>
        <translation>Der Anwendungspool {pool} setzt manualGroupMembership: IIS fügt IIS_IUSRS nicht in das Token seines Arbeitsprozesses ein, und {name} ist kein gespeichertes Mitglied – eine Berechtigung für IIS_IUSRS erreicht diesen Pool nicht.</translation>
    </message>
    <message>
        <source>Application pool {pool} sets manualGroupMembership: IIS does not add IIS_IUSRS to its worker token, but the worker carries it because {member} is a stored member.</source>
        <comment>manual-member</comment>
        <translation>Der Anwendungspool {pool} setzt manualGroupMembership: IIS fügt IIS_IUSRS nicht in das Token seines Arbeitsprozesses ein, aber der Arbeitsprozess trägt die Gruppe, weil {member} ein gespeichertes Mitglied ist.</translation>
    </message>
    <message>
        <source>{path} is a network share. The accounts on this server (such as IUSR) mean nothing on the file server, so access must be granted there, to the account the share is reached as.</source>
        <comment>path-unc</comment>
        <translation>{path} ist eine Netzwerkfreigabe. Die Konten dieses Servers (etwa IUSR) gelten auf dem Dateiserver nicht; der Zugriff muss dort gewährt werden, für das Konto, mit dem die Freigabe erreicht wird.</translation>
    </message>
    <message>
        <source>{path} does not exist on the server; IIS cannot serve content from it.</source>
        <comment>path-missing</comment>
        <translation>{path} existiert auf dem Server nicht; IIS kann daraus keine Inhalte ausliefern.</translation>
    </message>
    <message>
        <source>{path} uses %{variable}%, which is not defined on the server (IIS expands it there): IIS cannot serve content from it. Define the variable on the server or give the full path.</source>
        <comment>path-variable</comment>
        <translation>{path} verwendet %{variable}%, das auf dem Server nicht definiert ist (IIS erweitert es dort): IIS kann daraus keine Inhalte ausliefern. Definieren Sie die Variable auf dem Server oder geben Sie den vollständigen Pfad an.</translation>
    </message>
    <message>
        <source>{path} is a file, not a folder.</source>
        <comment>not-a-folder</comment>
        <translation>{path} ist eine Datei, kein Ordner.</translation>
    </message>
    <message>
        <source>The folder&apos;s permissions could not be read: {error}</source>
        <comment>path-unreadable</comment>
        <translation>Die Berechtigungen des Ordners konnten nicht gelesen werden: {error}</translation>
    </message>
    <message>
        <source>{name} has {effective} access to {path}, which covers the {needs} access it needs.</source>
        <comment>ok</comment>
        <translation>{name} hat auf {path} {effective}; das genügt, benötigt wird {needs}.</translation>
    </message>
    <message>
        <source>The worker process of application pool {pool} runs as {name}, which has {effective} access to {path} but needs {needs}: IIS answers HTTP 500.19 (0x80070005).</source>
        <comment>worker-missing</comment>
        <translation>Der Arbeitsprozess des Anwendungspools {pool} läuft als {name}. Dieses Konto hat auf {path} {effective}, braucht aber {needs}: IIS antwortet mit HTTP 500.19 (0x80070005).</translation>
    </message>
    <message>
        <source>The worker process of application pool {pool} runs as {name}, and anonymous requests run as the pool identity too. It has {effective} access to {path} but needs {needs}: IIS answers HTTP 500.19 (0x80070005) or 401.3.</source>
        <comment>worker-anonymous-missing</comment>
        <translation>Der Arbeitsprozess des Anwendungspools {pool} läuft als {name}, und auch anonyme Anfragen laufen als Poolidentität. Sie hat auf {path} {effective}, braucht aber {needs}: IIS antwortet mit HTTP 500.19 (0x80070005) oder 401.3.</translation>
    </message>
    <message>
        <source>Anonymous requests run as {name}, which has {effective} access to {path} but needs {needs}: IIS answers HTTP 401.3.</source>
        <comment>anonymous-missing</comment>
        <translation>Anonyme Anfragen laufen als {name}. Dieses Konto hat auf {path} {effective}, braucht aber {needs}: IIS antwortet mit HTTP 401.3.</translation>
    </message>
    <message>
        <source>Anonymous requests run as {name}, an account the server could not resolve to a SID; its access cannot be checked.</source>
        <comment>anonymous-unresolved</comment>
        <translation>Anonyme Anfragen laufen als {name}, einem Konto, das der Server nicht in eine SID auflösen konnte; sein Zugriff lässt sich nicht prüfen.</translation>
    </message>
    <message>
        <source>The worker process of application pool {pool} runs as {name}, which has {effective} access to {path} but needs {needs}: IIS answers HTTP 500.19 (0x80070005). IIS_IUSRS has the access, but the pool sets manualGroupMembership and {name} is not a stored member of IIS_IUSRS, so its worker does not carry the group.</source>
        <comment>manual-group-missing</comment>
        <translation>Der Arbeitsprozess des Anwendungspools {pool} läuft als {name} und hat {effective} auf {path}, braucht aber {needs}: IIS antwortet mit HTTP 500.19 (0x80070005). IIS_IUSRS hätte den Zugriff, aber der Pool setzt manualGroupMembership und {name} ist kein gespeichertes Mitglied von IIS_IUSRS, also trägt sein Arbeitsprozess die Gruppe nicht.</translation>
    </message>
    <message>
        <source>{name} has {effective} access to {path}, which covers the {needs} access it needs, through IIS_IUSRS: application pool {pool} sets manualGroupMembership, and its worker carries the group because {member} is a stored member.</source>
        <comment>ok-manual-member</comment>
        <translation>{name} hat {effective} auf {path} und damit {needs}, wie benötigt – über IIS_IUSRS: Der Anwendungspool {pool} setzt manualGroupMembership, und sein Arbeitsprozess trägt die Gruppe, weil {member} ein gespeichertes Mitglied ist.</translation>
    </message>
    <message>
        <source>{name} needs {needs} access to {path}, but a deny entry for {denied} takes it away: adding an allow entry would not help. Remove or narrow the deny entry first.</source>
        <comment>blocked</comment>
        <translation>{name} braucht auf {path} {needs}, aber ein Verweigern-Eintrag für {denied} hebt sie auf: Ein zusätzlicher Zulassen-Eintrag hilft nicht. Entfernen oder beschränken Sie zuerst den Verweigern-Eintrag.</translation>
    </message>
    <message>
        <source>Virtual directory {directory} reads its content and web.config files as {name} (Connect as), which has {effective} access to {path} but needs {needs}: IIS answers HTTP 500.19 (0x80070005) or 401.3.</source>
        <comment>connect-as-missing</comment>
        <translation>Das virtuelle Verzeichnis {directory} liest seine Inhalte und web.config-Dateien als {name} („Verbinden als“). Dieses Konto hat auf {path} {effective}, braucht aber {needs}: IIS antwortet mit HTTP 500.19 (0x80070005) oder 401.3.</translation>
    </message>
    <message>
        <source>Users who sign in (Windows, Basic or Digest authentication) are read as {name}, which has {effective} access to {path} but needs {needs}: IIS answers HTTP 401.3.</source>
        <comment>authenticated-missing</comment>
        <translation>Angemeldete Benutzer (Windows-, Standard- oder Digestauthentifizierung) werden als {name} gelesen. Dieses Konto hat auf {path} {effective}, braucht aber {needs}: IIS antwortet mit HTTP 401.3.</translation>
    </message>
    <message>
        <source>ASP.NET impersonates {name} (system.web/identity), which has {effective} access to {path} but needs {needs}: the application&apos;s code fails with access denied.</source>
        <comment>impersonated-missing</comment>
        <translation>ASP.NET nimmt die Identität von {name} an (system.web/identity). Dieses Konto hat auf {path} {effective}, braucht aber {needs}: Der Code der Anwendung scheitert mit „Zugriff verweigert“.</translation>
    </message>
    <message>
        <source>{name} reads {path} for every request but has {effective} access to it: IIS answers HTTP 500.19 (0x80070005, &quot;Cannot read configuration file due to insufficient permissions&quot;).</source>
        <comment>config-file-missing</comment>
        <translation>{name} liest {path} bei jeder Anfrage, hat darauf aber {effective}: IIS antwortet mit HTTP 500.19 (0x80070005, „Die Konfigurationsdatei kann aufgrund unzureichender Berechtigungen nicht gelesen werden“).</translation>
    </message>
    <message>
        <source>{name} reads {path} for every request but has {effective} access to it: IIS answers HTTP 500.19 (0x80070005). The file does not inherit its folder&apos;s permissions, so a grant on the folder would not reach it: turn inheritance back on for the file (Advanced security settings) or grant on the file itself.</source>
        <comment>config-file-protected</comment>
        <translation>{name} liest {path} bei jeder Anfrage, hat darauf aber {effective}: IIS antwortet mit HTTP 500.19 (0x80070005). Die Datei erbt die Berechtigungen ihres Ordners nicht, eine Berechtigung auf dem Ordner erreicht sie also nicht: Aktivieren Sie die Vererbung für die Datei wieder (Erweiterte Sicherheitseinstellungen) oder berechtigen Sie die Datei selbst.</translation>
    </message>
    <message>
        <source>The worker process of application pool {pool} runs as {name}, which has {effective} access to {path} but needs {needs}: ASP.NET compiles the application&apos;s pages there and fails without it (IIS_IUSRS holds Modify there by default).</source>
        <comment>temporary-files-missing</comment>
        <translation>Der Arbeitsprozess des Anwendungspools {pool} läuft als {name}. Dieses Konto hat auf {path} {effective}, braucht aber {needs}: ASP.NET kompiliert dort die Seiten der Anwendung und scheitert ohne diesen Zugriff (IIS_IUSRS hat dort standardmäßig „Ändern“).</translation>
    </message>
    <message>
        <source>{path} is on a network share, read as {name}: grant it {needs} on the file server, on the share and in its NTFS permissions. A grant on this server changes nothing there.</source>
        <comment>on-file-server</comment>
        <translation>{path} liegt auf einer Netzwerkfreigabe und wird als {name} gelesen: Gewähren Sie diesem Konto {needs} auf dem Dateiserver, in der Freigabe und in ihren NTFS-Berechtigungen. Eine Berechtigung auf diesem Server ändert dort nichts.</translation>
    </message>
    <message>
        <source>{name} reads {path}, but the server could not resolve the account to a SID: its access cannot be checked.</source>
        <comment>account-unresolved</comment>
        <translation>{name} liest {path}, aber der Server konnte das Konto nicht in eine SID auflösen: Sein Zugriff lässt sich nicht prüfen.</translation>
    </message>
    <message>
        <source>Application pool {pool} runs as LocalService, which presents anonymous credentials on the network: no grant on the file server can let its worker read {path}. Run the pool as ApplicationPoolIdentity or NetworkService (the file server then sees the computer account), or set Connect as on the virtual directory.</source>
        <comment>local-service-on-share</comment>
        <translation>Der Anwendungspool {pool} läuft als LocalService und meldet sich im Netzwerk anonym an: Keine Berechtigung auf dem Dateiserver kann seinem Arbeitsprozess das Lesen von {path} erlauben. Lassen Sie den Pool als ApplicationPoolIdentity oder NetworkService laufen (der Dateiserver sieht dann das Computerkonto) oder legen Sie „Verbinden als“ für das virtuelle Verzeichnis fest.</translation>
    </message>
    <message>
        <source>no</source>
        <comment>level-in-sentence-none</comment>
        <translation>keinen Zugriff</translation>
    </message>
    <message>
        <source>Read</source>
        <comment>level-in-sentence-read</comment>
        <translation>die Berechtigung „Lesen“</translation>
    </message>
    <message>
        <source>Read &amp; execute</source>
        <comment>level-in-sentence-read-execute</comment>
        <translation>die Berechtigung „Lesen, Ausführen“</translation>
    </message>
    <message>
        <source>Modify</source>
        <comment>level-in-sentence-modify</comment>
        <translation>die Berechtigung „Ändern“</translation>
    </message>
    <message>
        <source>Full control</source>
        <comment>level-in-sentence-full-control</comment>
        <translation>Vollzugriff</translation>
    </message>
    <message>
        <source>{subpath} is not a relative subfolder name (no drive, share or leading separator).</source>
        <comment>not-relative</comment>
        <translation>{subpath} ist kein relativer Unterordnername (ohne Laufwerk, Freigabe oder führendes Trennzeichen).</translation>
    </message>
    <message>
        <source>{subpath} must name a subfolder below the target, without &apos;.&apos; or &apos;..&apos;.</source>
        <comment>not-below</comment>
        <translation>{subpath} muss einen Unterordner unterhalb des Ziels bezeichnen, ohne „.“ oder „..“.</translation>
    </message>
    <message>
        <source>The folder state given is for {given}, not {path}.</source>
        <comment>other-folder-state</comment>
        <translation>Der angegebene Ordnerzustand gilt für {given}, nicht für {path}.</translation>
    </message>
    <message>
        <source>{sid} is not a SID such as S-1-5-11 (account-read and account-modify grant a SID).</source>
        <comment>grant-not-a-sid</comment>
        <translation>{sid} ist keine SID wie S-1-5-11 (account-read und account-modify berechtigen eine SID).</translation>
    </message>
    <message>
        <source>After this, {identity} has {rights} on {path}.</source>
        <comment>after-this</comment>
        <translation>Danach hat {identity} auf {path} {rights}.</translation>
    </message>
    <message>
        <source>After this, {identity} has {rights} on {path} — fixes HTTP {answers}.</source>
        <comment>after-this-fixes</comment>
        <translation>Danach hat {identity} auf {path} {rights} – behebt HTTP {answers}.</translation>
    </message>
    <message>
        <source>The ACL of {path} is not in canonical order ({entries} out of place): Windows refuses to add an entry to it (AddAccessRule throws). Open the folder&apos;s Security tab in Explorer, which offers to reorder it, then check again.</source>
        <comment>dacl-not-canonical</comment>
        <translation>Die ACL von {path} ist nicht in kanonischer Reihenfolge ({entries} an falscher Stelle): Windows fügt ihr keinen Eintrag hinzu (AddAccessRule löst eine Ausnahme aus). Öffnen Sie im Explorer die Registerkarte „Sicherheit“ des Ordners, die anbietet, sie neu zu ordnen, und prüfen Sie dann erneut.</translation>
    </message>
    <message>
        <source>{path} is a network share. A grant to this server&apos;s IUSR or pool identity means nothing on the file server: grant access on the file server itself, to the account the share is reached as.</source>
        <comment>unc</comment>
        <translation>{path} ist eine Netzwerkfreigabe. Eine Berechtigung für IUSR oder die Poolidentität dieses Servers gilt auf dem Dateiserver nicht: Gewähren Sie den Zugriff auf dem Dateiserver selbst, für das Konto, mit dem die Freigabe erreicht wird.</translation>
    </message>
    <message>
        <source>{path} is not a full local path such as D:\sites\shop.</source>
        <comment>not-absolute</comment>
        <translation>{path} ist kein vollständiger lokaler Pfad wie D:\sites\shop.</translation>
    </message>
    <message>
        <source>{path} uses a short 8.3 name (such as PROGRA~1) or a stream name; give the folder&apos;s full name so it can be checked against the folders no grant may touch.</source>
        <comment>unresolved</comment>
        <translation>{path} verwendet einen kurzen 8.3-Namen (etwa PROGRA~1) oder einen Datenstromnamen; geben Sie den vollständigen Namen des Ordners an, damit er mit den Ordnern verglichen werden kann, die keine Berechtigung erreichen darf.</translation>
    </message>
    <message>
        <source>{path} is the root of a drive: an inheritable grant there would reach every folder on the drive.</source>
        <comment>drive-root</comment>
        <translation>{path} ist das Stammverzeichnis eines Laufwerks: Eine vererbbare Berechtigung dort erreicht jeden Ordner des Laufwerks.</translation>
    </message>
    <message>
        <source>{path} is the Windows directory or inside it; its permissions belong to Windows.</source>
        <comment>windows-dir</comment>
        <translation>{path} ist das Windows-Verzeichnis oder liegt darin; seine Berechtigungen gehören Windows.</translation>
    </message>
    <message>
        <source>{path} is one of the folders Windows keeps on a drive (System Volume Information, $Recycle.Bin, Recovery, Boot) or inside it; its permissions belong to Windows.</source>
        <comment>system-folder</comment>
        <translation>{path} ist einer der Ordner, die Windows auf einem Laufwerk anlegt (System Volume Information, $Recycle.Bin, Recovery, Boot), oder liegt darin; seine Berechtigungen gehören Windows.</translation>
    </message>
    <message>
        <source>{path} is the inetpub folder, the parent of the server&apos;s sites: an inheritable grant there would reach every site below it. Grant on the site&apos;s own folder.</source>
        <comment>inetpub-root</comment>
        <translation>{path} ist der Ordner inetpub, der Ordner über den Websites des Servers: eine vererbbare Berechtigung dort erreichte jede Website darunter. Berechtigen Sie den eigenen Ordner der Website.</translation>
    </message>
    <message>
        <source>{path} is a Program Files folder or inside it; installed programs rely on its permissions.</source>
        <comment>program-files</comment>
        <translation>{path} ist ein Programme-Ordner oder liegt darin; installierte Programme verlassen sich auf seine Berechtigungen.</translation>
    </message>
    <message>
        <source>{path} is ProgramData or inside it; services and programs keep their settings there.</source>
        <comment>program-data</comment>
        <translation>{path} ist ProgramData oder liegt darin; Dienste und Programme speichern dort ihre Einstellungen.</translation>
    </message>
    <message>
        <source>{path} is a user profile folder (or the folder of all profiles); it holds that user&apos;s private files.</source>
        <comment>user-profile</comment>
        <translation>{path} ist ein Benutzerprofilordner (oder der Ordner aller Profile); er enthält die privaten Dateien dieses Benutzers.</translation>
    </message>
    <message>
        <source>IIS_IUSRS is in the token of every application pool on {host}: with Modify on the whole site root {path}, any site on the server could change this site&apos;s files. Grant Modify to the site&apos;s own pool identity ({pool_account}) instead, and only on the folder the application writes to, such as {path}\App_Data or {path}\uploads.</source>
        <comment>iis-iusrs-modify-site-root</comment>
        <translation>IIS_IUSRS steht im Token jedes Anwendungspools auf {host}: Mit „Ändern“ auf dem gesamten Websitestamm {path} könnte jede Website des Servers die Dateien dieser Website ändern. Gewähren Sie „Ändern“ stattdessen der eigenen Poolidentität der Website ({pool_account}) und nur für den Ordner, in den die Anwendung schreibt, etwa {path}\App_Data oder {path}\uploads.</translation>
    </message>
    <message>
        <source>IIS_IUSRS is in the token of every application pool on {host} except {exceptions} (they set manualGroupMembership): with Modify on the whole site root {path}, any other site on the server could change this site&apos;s files. Grant Modify to the site&apos;s own pool identity ({pool_account}) instead, and only on the folder the application writes to, such as {path}\App_Data or {path}\uploads.</source>
        <comment>iis-iusrs-modify-site-root-except</comment>
        <translation>IIS_IUSRS steht im Token jedes Anwendungspools auf {host} außer {exceptions} (sie setzen manualGroupMembership): Mit „Ändern“ auf dem gesamten Websitestamm {path} könnte jede andere Website des Servers die Dateien dieser Website ändern. Gewähren Sie „Ändern“ stattdessen der eigenen Poolidentität der Website ({pool_account}) und nur für den Ordner, in den die Anwendung schreibt, etwa {path}\App_Data oder {path}\uploads.</translation>
    </message>
    <message>
        <source>Authenticated Users is every signed-in account: every user of the domain and of the domains it trusts, every service, and IUSR (anonymous visitors) too. All of them get {rights} on {path}. Grant the users or groups the site&apos;s authorization rules name instead, where it has them.</source>
        <comment>broad-authenticated-users</comment>
        <translation>„Authentifizierte Benutzer“ umfasst jedes angemeldete Konto: jeden Benutzer der Domäne und der Domänen, denen sie vertraut, jeden Dienst und auch IUSR (anonyme Besucher). Sie alle erhalten {rights} auf {path}. Berechtigen Sie stattdessen die Benutzer oder Gruppen, die die Autorisierungsregeln der Website nennen, sofern es welche gibt.</translation>
    </message>
    <message>
        <source>Everyone is every account: every signed-in user, every service and IUSR (anonymous visitors). All of them get {rights} on {path}. Grant the account that needs the access instead.</source>
        <comment>broad-everyone</comment>
        <translation>„Jeder“ umfasst jedes Konto: jeden angemeldeten Benutzer, jeden Dienst und IUSR (anonyme Besucher). Sie alle erhalten {rights} auf {path}. Berechtigen Sie stattdessen das Konto, das den Zugriff braucht.</translation>
    </message>
    <message>
        <source>Cannot read the Ansible inventory {path}: {detail}.</source>
        <comment>unreadable-inventory</comment>
        <translation>Das Ansible-Inventar {path} kann nicht gelesen werden: {detail}.</translation>
    </message>
    <message>
        <source>Check the file; the README lists the inventory features iis-access reads.</source>
        <comment>hint-unreadable-inventory</comment>
        <translation>Prüfen Sie die Datei; die README nennt die Inventarfunktionen, die iis-access liest.</translation>
    </message>
    <message>
        <source>the file is vault-encrypted, and iis-access reads no vault</source>
        <comment>detail-vault-encrypted</comment>
        <translation>die Datei ist mit Vault verschlüsselt, und iis-access liest kein Vault</translation>
    </message>
    <message>
        <source>The pattern {term} picks hosts by position, which iis-access does not read.</source>
        <comment>pattern-by-position</comment>
        <translation>Das Muster {term} wählt Hosts nach ihrer Position aus; das liest iis-access nicht.</translation>
    </message>
    <message>
        <source>Name the hosts or groups instead, with wildcards, &apos;:&apos;, &apos;:&amp;&apos; and &apos;:!&apos;.</source>
        <comment>hint-pattern-by-position</comment>
        <translation>Nennen Sie stattdessen die Hosts oder Gruppen, mit Platzhaltern, „:“, „:&amp;“ und „:!“.</translation>
    </message>
    <message>
        <source>Run &apos;iis-access --help&apos; for the options.</source>
        <comment>hint-usage</comment>
        <translation>Mit „iis-access --help“ werden die Optionen angezeigt.</translation>
    </message>
    <message>
        <source>{problem}.</source>
        <comment>usage-arguments</comment>
        <translation>{problem}.</translation>
    </message>
    <message>
        <source>No password for {user}: set IIS_ACCESS_PASSWORD or run interactively.</source>
        <comment>no-password</comment>
        <translation>Kein Kennwort für {user}: Setzen Sie IIS_ACCESS_PASSWORD, oder führen Sie den Befehl interaktiv aus.</translation>
    </message>
    <message>
        <source>Confirmation needed but stdin is not a terminal: add --yes.</source>
        <comment>confirmation-not-a-terminal</comment>
        <translation>Eine Bestätigung ist nötig, aber die Standardeingabe ist kein Terminal: Fügen Sie --yes hinzu.</translation>
    </message>
    <message>
        <source>Give either a TARGET or --all.</source>
        <comment>target-or-all</comment>
        <translation>Geben Sie entweder ein ZIEL oder --all an.</translation>
    </message>
    <message>
        <source>Give either --json or --format csv.</source>
        <comment>json-or-csv</comment>
        <translation>Geben Sie entweder --json oder --format csv an.</translation>
    </message>
    <message>
        <source>&apos;{command}&apos; takes no options before it: run &apos;iis-access {command} ...&apos;.</source>
        <comment>no-options-before</comment>
        <translation>„{command}“ nimmt davor keine Optionen: Führen Sie „iis-access {command} ...“ aus.</translation>
    </message>
    <message>
        <source>The grant was declined at the confirmation prompt; nothing was changed.</source>
        <comment>grant-declined</comment>
        <translation>Die Berechtigung wurde bei der Bestätigung abgelehnt; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>The undo was declined at the confirmation prompt; nothing was changed.</source>
        <comment>undo-declined</comment>
        <translation>Das Rückgängigmachen wurde bei der Bestätigung abgelehnt; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>The reduction was declined at the confirmation prompt; nothing was changed.</source>
        <comment>reduce-declined</comment>
        <translation>Die Reduzierung wurde bei der Bestätigung abgelehnt; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Answer &apos;y&apos; to go ahead, or add --yes when running from a script.</source>
        <comment>hint-declined</comment>
        <translation>Antworten Sie mit „y“, um fortzufahren, oder fügen Sie --yes hinzu, wenn Sie aus einem Skript heraus arbeiten.</translation>
    </message>
    <message>
        <source>IIS Access failed unexpectedly ({kind}); the details are in {log}.</source>
        <comment>internal-error</comment>
        <translation>IIS Access ist unerwartet fehlgeschlagen ({kind}); die Einzelheiten stehen in {log}.</translation>
    </message>
    <message>
        <source>Nothing more was sent. Please report this with the log file.</source>
        <comment>hint-internal-error</comment>
        <translation>Es wurde nichts weiter gesendet. Bitte melden Sie dies mit der Protokolldatei.</translation>
    </message>
    <message>
        <source>Fix the connection options and try again.</source>
        <comment>hint-invalid-settings</comment>
        <translation>Korrigieren Sie die Verbindungsoptionen und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>{text} is neither a SHA-256 thumbprint (64 hexadecimal digits) nor a SHA-1 one (40); &apos;{command}&apos; on the server prints the SHA-1 thumbprint of each certificate.</source>
        <comment>not-a-thumbprint</comment>
        <translation>{text} ist weder ein SHA-256-Fingerabdruck (64 Hexadezimalziffern) noch ein SHA-1-Fingerabdruck (40); „{command}“ zeigt auf dem Server den SHA-1-Fingerabdruck jedes Zertifikats.</translation>
    </message>
    <message>
        <source>A host name is required.</source>
        <comment>host-required</comment>
        <translation>Ein Hostname ist erforderlich.</translation>
    </message>
    <message>
        <source>{value} is not one of {choices}.</source>
        <comment>not-a-choice</comment>
        <translation>{value} ist keiner der Werte {choices}.</translation>
    </message>
    <message>
        <source>Basic authentication over HTTP would send the password in clear; use HTTPS.</source>
        <comment>basic-over-http</comment>
        <translation>Basic-Authentifizierung über HTTP würde das Kennwort im Klartext senden; verwenden Sie HTTPS.</translation>
    </message>
    <message>
        <source>Certificate authentication needs HTTPS.</source>
        <comment>certificate-needs-https</comment>
        <translation>Zertifikatauthentifizierung erfordert HTTPS.</translation>
    </message>
    <message>
        <source>Certificate authentication needs a client certificate and its key.</source>
        <comment>certificate-needs-key</comment>
        <translation>Zertifikatauthentifizierung erfordert ein Clientzertifikat und seinen Schlüssel.</translation>
    </message>
    <message>
        <source>{auth} authentication needs a user name (--user).</source>
        <comment>auth-needs-user</comment>
        <translation>Die Authentifizierung {auth} erfordert einen Benutzernamen (--user).</translation>
    </message>
    <message>
        <source>Certificate options apply only to HTTPS.</source>
        <comment>certificate-options-https-only</comment>
        <translation>Zertifikatoptionen gelten nur für HTTPS.</translation>
    </message>
    <message>
        <source>Give either a CA file or a pinned thumbprint, not both.</source>
        <comment>ca-or-pin</comment>
        <translation>Geben Sie entweder eine CA-Datei oder einen hinterlegten Fingerabdruck an, nicht beides.</translation>
    </message>
    <message>
        <source>{port} is not a TCP port.</source>
        <comment>not-a-port</comment>
        <translation>{port} ist kein TCP-Port.</translation>
    </message>
    <message>
        <source>Timeouts must be positive.</source>
        <comment>timeouts-positive</comment>
        <translation>Zeitlimits müssen positiv sein.</translation>
    </message>
    <message>
        <source>{name} is not a PowerShell session configuration name.</source>
        <comment>not-a-configuration-name</comment>
        <translation>{name} ist kein Name einer PowerShell-Sitzungskonfiguration.</translation>
    </message>
    <message>
        <source>the doctor&apos;s answer has no list of probes</source>
        <comment>detail-no-probes</comment>
        <translation>die Antwort von doctor enthält keine Liste von Prüfungen</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <comment>hint-nothing-changed</comment>
        <translation>Nichts wurde geändert.</translation>
    </message>
    <message>
        <source>There is nothing to do.</source>
        <comment>hint-nothing-to-do</comment>
        <translation>Es gibt nichts zu tun.</translation>
    </message>
    <message>
        <source>Cannot reach {host}.</source>
        <comment>unreachable</comment>
        <translation>{host} ist nicht erreichbar.</translation>
    </message>
    <message>
        <source>Cannot reach {host} ({detail}).</source>
        <comment>unreachable-because</comment>
        <translation>{host} ist nicht erreichbar ({detail}).</translation>
    </message>
    <message>
        <source>Check the host name, that the server is running and that no firewall blocks WinRM.</source>
        <comment>hint-unreachable</comment>
        <translation>Prüfen Sie den Hostnamen, ob der Server läuft und ob eine Firewall WinRM blockiert.</translation>
    </message>
    <message>
        <source>Nothing is listening for WinRM on {where}.</source>
        <comment>winrm-not-listening</comment>
        <translation>Auf {where} wartet kein WinRM-Dienst auf Verbindungen.</translation>
    </message>
    <message>
        <source>Run &apos;Enable-PSRemoting&apos; on the server, or check --port and --transport.</source>
        <comment>hint-winrm-not-listening</comment>
        <translation>Führen Sie „Enable-PSRemoting“ auf dem Server aus, oder prüfen Sie --port und --transport.</translation>
    </message>
    <message>
        <source>{host} has no PowerShell session configuration named {name}.</source>
        <comment>unknown-configuration</comment>
        <translation>{host} hat keine PowerShell-Sitzungskonfiguration namens {name}.</translation>
    </message>
    <message>
        <source>Use Windows PowerShell&apos;s own configuration, Microsoft.PowerShell (the default), or a name that Get-PSSessionConfiguration lists on the server; &apos;Enable-PSRemoting&apos; registers the default ones.</source>
        <comment>hint-unknown-configuration</comment>
        <translation>Verwenden Sie die eigene Konfiguration von Windows PowerShell, Microsoft.PowerShell (die Voreinstellung), oder einen Namen, den Get-PSSessionConfiguration auf dem Server auflistet; „Enable-PSRemoting“ registriert die voreingestellten.</translation>
    </message>
    <message>
        <source>{host} rejected the sign-in.</source>
        <comment>authentication-failed</comment>
        <translation>{host} hat die Anmeldung abgelehnt.</translation>
    </message>
    <message>
        <source>{host} rejected the sign-in as {user}.</source>
        <comment>authentication-failed-as-user</comment>
        <translation>{host} hat die Anmeldung als {user} abgelehnt.</translation>
    </message>
    <message>
        <source>Check the user name and password, and that --auth matches what the server accepts.</source>
        <comment>hint-authentication-failed</comment>
        <translation>Prüfen Sie Benutzername und Kennwort und ob --auth zu dem passt, was der Server annimmt.</translation>
    </message>
    <message>
        <source>SHA-256 thumbprint {sha256}, SHA-1 {sha1}</source>
        <comment>thumbprints</comment>
        <translation>SHA-256-Fingerabdruck {sha256}, SHA-1 {sha1}</translation>
    </message>
    <message>
        <source>The HTTPS certificate of {host} is not trusted.</source>
        <comment>certificate-not-trusted</comment>
        <translation>Dem HTTPS-Zertifikat von {host} wird nicht vertraut.</translation>
    </message>
    <message>
        <source>The HTTPS certificate of {host} is not trusted ({thumbprints}).</source>
        <comment>certificate-not-trusted-seen</comment>
        <translation>Dem HTTPS-Zertifikat von {host} wird nicht vertraut ({thumbprints}).</translation>
    </message>
    <message>
        <source>The HTTPS certificate of {host} does not match the pinned thumbprint.</source>
        <comment>certificate-not-pinned</comment>
        <translation>Das HTTPS-Zertifikat von {host} passt nicht zum hinterlegten Fingerabdruck.</translation>
    </message>
    <message>
        <source>The HTTPS certificate of {host} does not match the pinned thumbprint ({thumbprints}).</source>
        <comment>certificate-not-pinned-seen</comment>
        <translation>Das HTTPS-Zertifikat von {host} passt nicht zum hinterlegten Fingerabdruck ({thumbprints}).</translation>
    </message>
    <message>
        <source>Give the issuing CA with --ca-file, or, after checking the thumbprint on the server (&apos;{command}&apos; prints the SHA-1 thumbprints), pin it with --cert-thumbprint.</source>
        <comment>hint-certificate-not-trusted</comment>
        <translation>Geben Sie die ausstellende Zertifizierungsstelle mit --ca-file an, oder hinterlegen Sie den Fingerabdruck mit --cert-thumbprint, nachdem Sie ihn auf dem Server geprüft haben („{command}“ zeigt die SHA-1-Fingerabdrücke).</translation>
    </message>
    <message>
        <source>The HTTPS certificate of {host} is made out to another name ({detail}).</source>
        <comment>certificate-wrong-name</comment>
        <translation>Das HTTPS-Zertifikat von {host} ist auf einen anderen Namen ausgestellt ({detail}).</translation>
    </message>
    <message>
        <source>The HTTPS certificate of {host} is made out to another name ({detail}; {thumbprints}).</source>
        <comment>certificate-wrong-name-seen</comment>
        <translation>Das HTTPS-Zertifikat von {host} ist auf einen anderen Namen ausgestellt ({detail}; {thumbprints}).</translation>
    </message>
    <message>
        <source>Connect with the name the certificate was issued for (often the server&apos;s full DNS name), or give the server a certificate for the name you use.</source>
        <comment>hint-certificate-wrong-name</comment>
        <translation>Verbinden Sie sich mit dem Namen, für den das Zertifikat ausgestellt wurde (oft der vollständige DNS-Name des Servers), oder geben Sie dem Server ein Zertifikat für den verwendeten Namen.</translation>
    </message>
    <message>
        <source>The HTTPS certificate of {host} has expired or is not valid yet.</source>
        <comment>certificate-expired</comment>
        <translation>Das HTTPS-Zertifikat von {host} ist abgelaufen oder noch nicht gültig.</translation>
    </message>
    <message>
        <source>The HTTPS certificate of {host} has expired or is not valid yet ({thumbprints}).</source>
        <comment>certificate-expired-seen</comment>
        <translation>Das HTTPS-Zertifikat von {host} ist abgelaufen oder noch nicht gültig ({thumbprints}).</translation>
    </message>
    <message>
        <source>Renew the WinRM HTTPS listener&apos;s certificate on the server, and check both clocks.</source>
        <comment>hint-certificate-expired</comment>
        <translation>Erneuern Sie das Zertifikat des WinRM-HTTPS-Listeners auf dem Server, und prüfen Sie beide Uhren.</translation>
    </message>
    <message>
        <source>{where} answers in plain HTTP, not HTTPS.</source>
        <comment>plain-http-on-https-port</comment>
        <translation>{where} antwortet mit einfachem HTTP, nicht mit HTTPS.</translation>
    </message>
    <message>
        <source>Use --transport http for WinRM&apos;s HTTP listener (usually port 5985; the session is still message-encrypted), or the HTTPS listener&apos;s port (usually 5986).</source>
        <comment>hint-plain-http-on-https-port</comment>
        <translation>Verwenden Sie --transport http für den HTTP-Listener von WinRM (meist Port 5985; die Sitzung ist trotzdem nachrichtenverschlüsselt) oder den Port des HTTPS-Listeners (meist 5986).</translation>
    </message>
    <message>
        <source>The HTTPS handshake with {host} failed ({detail}).</source>
        <comment>tls-handshake-failed</comment>
        <translation>Der HTTPS-Handshake mit {host} ist fehlgeschlagen ({detail}).</translation>
    </message>
    <message>
        <source>Check that the port is WinRM&apos;s HTTPS listener and that the server allows TLS 1.2 or later.</source>
        <comment>hint-tls-handshake-failed</comment>
        <translation>Prüfen Sie, ob der Port der HTTPS-Listener von WinRM ist und ob der Server TLS 1.2 oder neuer erlaubt.</translation>
    </message>
    <message>
        <source>Kerberos authentication needs the Python gssapi library, which is not installed on this machine ({detail}).</source>
        <comment>kerberos-library-missing</comment>
        <translation>Kerberos-Authentifizierung braucht die Python-Bibliothek gssapi, die auf diesem Computer nicht installiert ist ({detail}).</translation>
    </message>
    <message>
        <source>Install the Kerberos extras: pip install &apos;pypsrp[kerberos]&apos; (it brings gssapi and krb5, which need the system&apos;s Kerberos libraries, e.g. libkrb5-dev), or use --auth ntlm.</source>
        <comment>hint-kerberos-library-missing</comment>
        <translation>Installieren Sie die Kerberos-Erweiterungen: pip install &apos;pypsrp[kerberos]&apos; (bringt gssapi und krb5 mit, die die Kerberos-Bibliotheken des Systems brauchen, z. B. libkrb5-dev), oder verwenden Sie --auth ntlm.</translation>
    </message>
    <message>
        <source>{host} answered a message-encrypted request in plain text; the answer was rejected as possibly forged.</source>
        <comment>answer-not-sealed</comment>
        <translation>{host} hat eine nachrichtenverschlüsselte Anfrage im Klartext beantwortet; die Antwort wurde als möglicherweise gefälscht zurückgewiesen.</translation>
    </message>
    <message>
        <source>Something on the network path may be tampering with the session: check it, or use HTTPS.</source>
        <comment>hint-answer-not-sealed</comment>
        <translation>Auf dem Netzwerkweg manipuliert möglicherweise jemand die Sitzung: Prüfen Sie ihn, oder verwenden Sie HTTPS.</translation>
    </message>
    <message>
        <source>The account used on {host} is not an elevated administrator.</source>
        <comment>not-elevated</comment>
        <translation>Das auf {host} verwendete Konto ist kein Administrator mit erhöhten Rechten.</translation>
    </message>
    <message>
        <source>The account used on {host} is not an elevated administrator ({detail}).</source>
        <comment>not-elevated-because</comment>
        <translation>Das auf {host} verwendete Konto ist kein Administrator mit erhöhten Rechten ({detail}).</translation>
    </message>
    <message>
        <source>Connect with an account in the server&apos;s Administrators group (locally: run as administrator).</source>
        <comment>hint-not-elevated</comment>
        <translation>Verbinden Sie sich mit einem Konto aus der Gruppe „Administratoren“ des Servers (lokal: als Administrator ausführen).</translation>
    </message>
    <message>
        <source>IIS is not installed on {host}.</source>
        <comment>iis-missing</comment>
        <translation>IIS ist auf {host} nicht installiert.</translation>
    </message>
    <message>
        <source>The WebAdministration PowerShell module is not installed on {host}.</source>
        <comment>web-administration-missing</comment>
        <translation>Das PowerShell-Modul WebAdministration ist auf {host} nicht installiert.</translation>
    </message>
    <message>
        <source>Install the Web Server (IIS) role with its management scripts and tools, then try again.</source>
        <comment>hint-iis-missing</comment>
        <translation>Installieren Sie die Rolle „Webserver (IIS)“ mit ihren Verwaltungsskripts und -tools, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>{host}&apos;s remoting endpoint runs PowerShell {version}; IIS Access needs Windows PowerShell 5.1.</source>
        <comment>wrong-powershell</comment>
        <translation>Der Remoting-Endpunkt von {host} führt PowerShell {version} aus; IIS Access braucht Windows PowerShell 5.1.</translation>
    </message>
    <message>
        <source>Connect to Windows PowerShell 5.1&apos;s configuration with --configuration-name Microsoft.PowerShell (or the name the administrator registered for it).</source>
        <comment>hint-wrong-powershell</comment>
        <translation>Verbinden Sie sich mit --configuration-name Microsoft.PowerShell (oder dem Namen, den der Administrator dafür registriert hat) mit der Konfiguration von Windows PowerShell 5.1.</translation>
    </message>
    <message>
        <source>{host} did not answer in time.</source>
        <comment>operation-timeout</comment>
        <translation>{host} hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>{host} did not answer within {seconds} seconds.</source>
        <comment>operation-timeout-within</comment>
        <translation>{host} hat nicht innerhalb von {seconds} Sekunden geantwortet.</translation>
    </message>
    <message>
        <source>The server may be busy; try again, or raise the operation timeout.</source>
        <comment>hint-operation-timeout</comment>
        <translation>Der Server ist möglicherweise ausgelastet; versuchen Sie es erneut, oder erhöhen Sie das Zeitlimit für Vorgänge.</translation>
    </message>
    <message>
        <source>The operation failed on {host}: {server_message}</source>
        <comment>script-failed</comment>
        <translation>Der Vorgang ist auf {host} fehlgeschlagen: {server_message}</translation>
    </message>
    <message>
        <source>Read the server&apos;s message above; nothing else was changed.</source>
        <comment>hint-script-failed</comment>
        <translation>Lesen Sie die Meldung des Servers oben; sonst wurde nichts geändert.</translation>
    </message>
    <message>
        <source>{host} gave an answer IIS Access does not understand: {detail}</source>
        <comment>unexpected-answer</comment>
        <translation>{host} hat eine Antwort gegeben, die IIS Access nicht versteht: {detail}</translation>
    </message>
    <message>
        <source>Check that the server runs Windows PowerShell 5.1; report this if it persists.</source>
        <comment>hint-unexpected-answer</comment>
        <translation>Prüfen Sie, ob der Server Windows PowerShell 5.1 ausführt; melden Sie dies, wenn es bestehen bleibt.</translation>
    </message>
    <message>
        <source>The change to {path} was sent to {host} but not confirmed ({cause}).</source>
        <comment>outcome-unknown</comment>
        <translation>Die Änderung an {path} wurde an {host} gesendet, aber nicht bestätigt ({cause}).</translation>
    </message>
    <message>
        <source>Once {host} answers again, run &apos;iis-access check&apos; to see the folder, or &apos;iis-access undo {change_id}&apos; to restore the ACL recorded before it.</source>
        <comment>hint-outcome-unknown</comment>
        <translation>Sobald {host} wieder antwortet, zeigt „iis-access check“ den Ordner, und „iis-access undo {change_id}“ stellt die vorher aufgezeichnete ACL wieder her.</translation>
    </message>
    <message>
        <source>The undo of change {change_id} to {path} was sent to {host} but not confirmed ({cause}).</source>
        <comment>undo-outcome-unknown</comment>
        <translation>Das Rückgängigmachen der Änderung {change_id} an {path} wurde an {host} gesendet, aber nicht bestätigt ({cause}).</translation>
    </message>
    <message>
        <source>Once {host} answers again, run &apos;iis-access undo {change_id}&apos; again: it checks the folder and completes the undo, or says it is already done.</source>
        <comment>hint-undo-outcome-unknown</comment>
        <translation>Sobald {host} wieder antwortet, führen Sie „iis-access undo {change_id}“ erneut aus: Dabei wird der Ordner geprüft und das Rückgängigmachen abgeschlossen, oder es wird gemeldet, dass es schon erledigt ist.</translation>
    </message>
    <message>
        <source>The operation was cancelled.</source>
        <comment>cancelled</comment>
        <translation>Der Vorgang wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Run it again when ready.</source>
        <comment>hint-cancelled</comment>
        <translation>Starten Sie ihn erneut, wenn Sie so weit sind.</translation>
    </message>
    <message>
        <source>--host needs a host name.</source>
        <comment>host-needs-name</comment>
        <translation>--host braucht einen Hostnamen.</translation>
    </message>
    <message>
        <source>Give --host NAME or --host NAME:PORT.</source>
        <comment>hint-host-needs-name</comment>
        <translation>Geben Sie --host NAME oder --host NAME:PORT an.</translation>
    </message>
    <message>
        <source>{port} is not a TCP port (in --host {text}).</source>
        <comment>host-port-invalid</comment>
        <translation>{port} ist kein TCP-Port (in --host {text}).</translation>
    </message>
    <message>
        <source>Give --host NAME:PORT.</source>
        <comment>hint-host-port-invalid</comment>
        <translation>Geben Sie --host NAME:PORT an.</translation>
    </message>
    <message>
        <source>No WinRM host in {source} matches {pattern}.</source>
        <comment>no-host-matches</comment>
        <translation>Kein WinRM-Host in {source} passt zu {pattern}.</translation>
    </message>
    <message>
        <source>Check --limit against the inventory&apos;s groups and host names.</source>
        <comment>hint-no-host-matches</comment>
        <translation>Prüfen Sie --limit anhand der Gruppen und Hostnamen des Inventars.</translation>
    </message>
    <message>
        <source>The number of hosts in flight must be at least 1.</source>
        <comment>forks-at-least-one</comment>
        <translation>Die Zahl der gleichzeitig bearbeiteten Hosts muss mindestens 1 sein.</translation>
    </message>
    <message>
        <source>Give --forks 1 or more.</source>
        <comment>hint-forks-at-least-one</comment>
        <translation>Geben Sie --forks 1 oder mehr an.</translation>
    </message>
    <message>
        <source>--limit selects from an inventory: give --inventory FILE too.</source>
        <comment>limit-needs-inventory</comment>
        <translation>--limit wählt aus einem Inventar aus: Geben Sie auch --inventory DATEI an.</translation>
    </message>
    <message>
        <source>Add --inventory FILE, or leave --limit out.</source>
        <comment>hint-limit-needs-inventory</comment>
        <translation>Fügen Sie --inventory DATEI hinzu, oder lassen Sie --limit weg.</translation>
    </message>
    <message>
        <source>&apos;{command}&apos; works on one host at a time.</source>
        <comment>one-host-at-a-time</comment>
        <translation>„{command}“ arbeitet immer nur auf einem Host.</translation>
    </message>
    <message>
        <source>Give one --host; for many hosts use &apos;export ansible&apos; or &apos;export powershell&apos;.</source>
        <comment>hint-one-host-at-a-time</comment>
        <translation>Geben Sie einen --host an; für viele Hosts verwenden Sie „export ansible“ oder „export powershell“.</translation>
    </message>
    <message>
        <source>There is no change with id {change_id}.</source>
        <comment>unknown-change</comment>
        <translation>Es gibt keine Änderung mit der ID {change_id}.</translation>
    </message>
    <message>
        <source>Run &apos;iis-access history&apos; to list them.</source>
        <comment>hint-unknown-change</comment>
        <translation>„iis-access history“ listet sie auf.</translation>
    </message>
    <message>
        <source>cannot start Windows PowerShell at {executable}: {error}</source>
        <comment>detail-cannot-start-powershell</comment>
        <translation>Windows PowerShell kann unter {executable} nicht gestartet werden: {error}</translation>
    </message>
    <message>
        <source>exit code {code}: {error}</source>
        <comment>detail-exit-code</comment>
        <translation>Exitcode {code}: {error}</translation>
    </message>
    <message>
        <source>exit code {code} without an error record</source>
        <comment>detail-exit-code-without-record</comment>
        <translation>Exitcode {code} ohne Fehlerdatensatz</translation>
    </message>
    <message>
        <source>{target} is not a site, application or virtual directory on this server ({detail}).</source>
        <comment>unknown-target</comment>
        <translation>{target} ist keine Website, Anwendung und kein virtuelles Verzeichnis auf diesem Server ({detail}).</translation>
    </message>
    <message>
        <source>Run &apos;iis-access sites&apos; to list them; names are &apos;Site&apos; or &apos;Site/app/path&apos;.</source>
        <comment>hint-unknown-target</comment>
        <translation>„iis-access sites“ listet sie auf; Namen lauten „Site“ oder „Site/app/pfad“.</translation>
    </message>
    <message>
        <source>path-access answered for other paths than asked</source>
        <comment>detail-other-paths</comment>
        <translation>path-access hat für andere Pfade geantwortet als gefragt</translation>
    </message>
    <message>
        <source>{target} uses application pool {pool}, which does not exist</source>
        <comment>detail-no-such-pool</comment>
        <translation>{target} verwendet den Anwendungspool {pool}, den es nicht gibt</translation>
    </message>
    <message>
        <source>The ACL of {path} changed since it was read ({what}); nothing was changed.</source>
        <comment>stale-acl</comment>
        <translation>Die ACL von {path} hat sich seit dem Lesen geändert ({what}); nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Check the folder again and decide anew.</source>
        <comment>hint-stale-acl</comment>
        <translation>Prüfen Sie den Ordner erneut und entscheiden Sie neu.</translation>
    </message>
    <message>
        <source>added {entries}</source>
        <comment>stale-added</comment>
        <translation>hinzugefügt: {entries}</translation>
    </message>
    <message>
        <source>removed {entries}</source>
        <comment>stale-removed</comment>
        <translation>entfernt: {entries}</translation>
    </message>
    <message>
        <source>added {added}; removed {removed}</source>
        <comment>stale-added-removed</comment>
        <translation>hinzugefügt: {added}; entfernt: {removed}</translation>
    </message>
    <message>
        <source>its flags differ</source>
        <comment>stale-flags</comment>
        <translation>ihre Flags unterscheiden sich</translation>
    </message>
    <message>
        <source>A deny entry on {path} would still withhold the access; an allow entry cannot help.</source>
        <comment>deny-still-wins</comment>
        <translation>Ein Verweigern-Eintrag auf {path} würde den Zugriff weiterhin entziehen; ein Zulassen-Eintrag kann nicht helfen.</translation>
    </message>
    <message>
        <source>Remove or narrow the deny entry first; nothing was changed.</source>
        <comment>hint-deny-still-wins</comment>
        <translation>Entfernen oder verengen Sie zuerst den Verweigern-Eintrag; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>The change cannot be made as planned.</source>
        <comment>change-cannot-be-made</comment>
        <translation>Die Änderung kann so nicht vorgenommen werden.</translation>
    </message>
    <message>
        <source>{identity} already has this access to {path}.</source>
        <comment>already-has-access</comment>
        <translation>{identity} hat diesen Zugriff auf {path} bereits.</translation>
    </message>
    <message>
        <source>This plan was made for {planned}, not {host}; nothing was changed.</source>
        <comment>plan-for-other-host</comment>
        <translation>Dieser Plan wurde für {planned} erstellt, nicht für {host}; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Change {change_id} was made on {made_on}, not {host}; connect to that host to undo it.</source>
        <comment>change-on-other-host</comment>
        <translation>Die Änderung {change_id} wurde auf {made_on} vorgenommen, nicht auf {host}; verbinden Sie sich mit diesem Host, um sie rückgängig zu machen.</translation>
    </message>
    <message>
        <source>Change {change_id} was already undone.</source>
        <comment>already-undone</comment>
        <translation>Die Änderung {change_id} wurde bereits rückgängig gemacht.</translation>
    </message>
    <message>
        <source>Change {change_id} changed nothing ({outcome}).</source>
        <comment>changed-nothing</comment>
        <translation>Die Änderung {change_id} hat nichts geändert ({outcome}).</translation>
    </message>
    <message>
        <source>The ACL of {path} cannot be read any more; nothing was changed.</source>
        <comment>acl-unreadable</comment>
        <translation>Die ACL von {path} kann nicht mehr gelesen werden; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Change {change_id} never reached {path}.</source>
        <comment>never-reached</comment>
        <translation>Die Änderung {change_id} hat {path} nie erreicht.</translation>
    </message>
    <message>
        <source>There is nothing to undo.</source>
        <comment>hint-nothing-to-undo</comment>
        <translation>Es gibt nichts rückgängig zu machen.</translation>
    </message>
    <message>
        <source>{sid} is not a SID such as S-1-1-0 (reduce names the account by SID).</source>
        <comment>not-a-sid</comment>
        <translation>{sid} ist keine SID wie S-1-1-0 (reduce nennt das Konto mit seiner SID).</translation>
    </message>
    <message>
        <source>{path} is not a folder the check named for {target}; --path accepts only these: {accepted}.</source>
        <comment>path-not-named</comment>
        <translation>{path} ist kein Ordner, den die Prüfung für {target} genannt hat; --path akzeptiert nur diese: {accepted}.</translation>
    </message>
    <message>
        <source>Give either a subfolder (--subpath) or a folder (--path), not both.</source>
        <comment>subpath-or-path</comment>
        <translation>Geben Sie entweder einen Unterordner (--subpath) oder einen Ordner (--path) an, nicht beides.</translation>
    </message>
    <message>
        <source>{kind} grants the account given with --sid: give one.</source>
        <comment>sid-needed</comment>
        <translation>{kind} berechtigt das mit --sid angegebene Konto: Geben Sie eines an.</translation>
    </message>
    <message>
        <source>{kind} grants its own account; --sid is only for account-read and account-modify.</source>
        <comment>sid-not-for-kind</comment>
        <translation>{kind} berechtigt sein eigenes Konto; --sid gilt nur für account-read und account-modify.</translation>
    </message>
    <message>
        <source>Change {change_id} was already undone: {path} has the ACL it had before.</source>
        <comment>found-restored</comment>
        <translation>Die Änderung {change_id} wurde bereits rückgängig gemacht: {path} hat die ACL von vorher.</translation>
    </message>
    <message>
        <source>no answer</source>
        <comment>detail-no-answer</comment>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>unknown host name</source>
        <comment>detail-unknown-host-name</comment>
        <translation>unbekannter Hostname</translation>
    </message>
    <message>
        <source>the connection was dropped</source>
        <comment>detail-connection-dropped</comment>
        <translation>die Verbindung wurde getrennt</translation>
    </message>
    <message>
        <source>WinRM denied access</source>
        <comment>detail-winrm-denied-access</comment>
        <translation>WinRM hat den Zugriff verweigert</translation>
    </message>
    <message>
        <source>HTTP status {status}</source>
        <comment>detail-http-status</comment>
        <translation>HTTP-Status {status}</translation>
    </message>
    <message>
        <source>expected one JSON document, got {count} objects</source>
        <comment>detail-not-one-document</comment>
        <translation>ein JSON-Dokument erwartet, {count} Objekte erhalten</translation>
    </message>
    <message>
        <source>the answer is {size} MB, more than the {limit} MB IIS Access reads</source>
        <comment>detail-answer-too-large</comment>
        <translation>die Antwort ist {size} MB groß, mehr als die {limit} MB, die IIS Access liest</translation>
    </message>
    <message>
        <source>the output was not JSON</source>
        <comment>detail-not-json</comment>
        <translation>die Ausgabe war kein JSON</translation>
    </message>
    <message>
        <source>the JSON document is nested too deeply to read</source>
        <comment>detail-too-deep</comment>
        <translation>das JSON-Dokument ist zu tief verschachtelt, um es zu lesen</translation>
    </message>
    <message>
        <source>Sign in to {host} to connect.</source>
        <comment>password-needed</comment>
        <translation>Melden Sie sich bei {host} an, um eine Verbindung herzustellen.</translation>
    </message>
    <message>
        <source>The password for this host is not remembered; type it to connect.</source>
        <comment>hint-password-needed</comment>
        <translation>Das Kennwort für diesen Host ist nicht gespeichert; geben Sie es ein, um eine Verbindung herzustellen.</translation>
    </message>
    <message>
        <source>{host} is not connected, so the change cannot be undone now.</source>
        <comment>undo-not-connected</comment>
        <translation>{host} ist nicht verbunden; die Änderung kann jetzt nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Select the host to connect to it, then undo again from the History tab.</source>
        <comment>hint-undo-not-connected</comment>
        <translation>Wählen Sie den Host aus, um sich zu verbinden, und machen Sie die Änderung dann im Verlauf rückgängig.</translation>
    </message>
    <message>
        <source>How many files and folders are below {path} could not be told: Windows writes the new entry to each of them, which can take minutes on a large tree.</source>
        <comment>propagation-unknown</comment>
        <translation>Wie viele Dateien und Ordner unter {path} liegen, ließ sich nicht feststellen: Windows schreibt den neuen Eintrag in jede und jeden davon, was bei einem großen Baum Minuten dauern kann.</translation>
    </message>
    <message>
        <source>Windows writes the new entry to each of the {count} files and folders below {path}; that may take up to about {minutes} min, and IIS Access waits for it.</source>
        <comment>propagation-items</comment>
        <translation>Windows schreibt den neuen Eintrag in jede der {count} Dateien und Ordner unter {path}; das kann bis zu etwa {minutes} Min. dauern, und IIS Access wartet darauf.</translation>
    </message>
    <message>
        <source>Windows writes the new entry to each of the {count} or more files and folders below {path}; that may take {minutes} min or longer. IIS Access waits about that long; if it is not over by then, the outcome is shown as unknown and can be checked later.</source>
        <comment>propagation-at-least</comment>
        <translation>Windows schreibt den neuen Eintrag in jede der {count} oder mehr Dateien und Ordner unter {path}; das kann {minutes} Min. oder länger dauern. IIS Access wartet etwa so lange; ist es bis dahin nicht fertig, wird das Ergebnis als unbekannt angezeigt und kann später geprüft werden.</translation>
    </message>
    <message>
        <source>Give either TARGET... or --all.</source>
        <comment>export-targets-or-all</comment>
        <translation>Geben Sie entweder ZIEL... oder --all an.</translation>
    </message>
    <message>
        <source>Run &apos;iis-access export --help&apos; for the options.</source>
        <comment>hint-export-targets-or-all</comment>
        <translation>Mit „iis-access export --help“ werden die Optionen angezeigt.</translation>
    </message>
    <message>
        <source>&apos;export&apos; writes a playbook or a script, not JSON.</source>
        <comment>export-no-json</comment>
        <translation>„export“ schreibt ein Playbook oder ein Skript, kein JSON.</translation>
    </message>
    <message>
        <source>Leave out --json; give -o FILE to write a file.</source>
        <comment>hint-export-no-json</comment>
        <translation>Lassen Sie --json weg; mit -o DATEI wird eine Datei geschrieben.</translation>
    </message>
    <message>
        <source>Cannot write {path}: {error}.</source>
        <comment>export-cannot-write</comment>
        <translation>{path} kann nicht geschrieben werden: {error}.</translation>
    </message>
    <message>
        <source>Give another -o FILE.</source>
        <comment>hint-export-cannot-write</comment>
        <translation>Geben Sie eine andere Datei mit -o DATEI an.</translation>
    </message>
    <message>
        <source>{name} needs {needs} access to {path} and gets it through {account}; reducing {account} to {to} access on {folder} would leave it {after} access, and IIS would answer HTTP {http}. Give {name} its own entry first, then reduce.</source>
        <comment>reduce-breaks-requirement</comment>
        <translation>{name} braucht auf {path} {needs} und erhält sie über {account}. Würde {account} auf {folder} auf {to} beschränkt, hätte {name} danach {after}, und IIS würde mit HTTP {http} antworten. Geben Sie {name} zuerst einen eigenen Eintrag und beschränken Sie danach.</translation>
    </message>
    <message>
        <source>The ACL of {folder} is not in canonical order ({entries} out of place), and Windows refuses to change such an ACL. Open the folder&apos;s Security tab in Explorer, which offers to reorder it, then check again.</source>
        <comment>reduce-not-canonical</comment>
        <translation>Die ACL von {folder} ist nicht in kanonischer Reihenfolge ({entries} an falscher Stelle), und Windows verweigert Änderungen an einer solchen ACL. Öffnen Sie im Explorer die Registerkarte „Sicherheit“ des Ordners, die das Neuordnen anbietet, und prüfen Sie dann erneut.</translation>
    </message>
    <message>
        <source>{identity} has no entry on {path} that allows more than {to} access.</source>
        <comment>reduce-nothing-to-do</comment>
        <translation>{identity} hat auf {path} keinen Eintrag, der mehr als {to} zulässt.</translation>
    </message>
    <message>
        <source>{identity}&apos;s access to {path} is inherited from a folder above whose ACL could not be read or no longer holds the entry; the folder&apos;s inheritance is not touched. Reduce it where it is set.</source>
        <comment>reduce-source-unknown</comment>
        <translation>Der Zugriff von {identity} auf {path} ist von einem übergeordneten Ordner geerbt, dessen ACL nicht gelesen werden konnte oder den Eintrag nicht mehr enthält; die Vererbung des Ordners wird nicht angetastet. Reduzieren Sie ihn dort, wo er gesetzt ist.</translation>
    </message>
    <message>
        <source>{identity}&apos;s entry on {path} is inherited from {folder}, and {reason}</source>
        <comment>reduce-source-refused</comment>
        <translation>Der Eintrag von {identity} auf {path} ist von {folder} geerbt, und {reason}</translation>
    </message>
    <message>
        <source>{identity}&apos;s entry on {path} is inherited from {folder}: the reduction is made there and reaches every folder below it that inherits it.</source>
        <comment>reduce-inherited</comment>
        <translation>Der Eintrag von {identity} auf {path} ist von {folder} geerbt: Die Reduzierung erfolgt dort und erreicht jeden darunterliegenden Ordner, der ihn erbt.</translation>
    </message>
    <message>
        <source>{identity} also has access to {path} inherited from above, which this reduction leaves as it is.</source>
        <comment>reduce-also-inherited</comment>
        <translation>{identity} hat auf {path} außerdem von oben geerbten Zugriff, den diese Reduzierung unverändert lässt.</translation>
    </message>
    <message>
        <source>{identity} will have {to} access on {folder} instead of {had}.</source>
        <comment>reduce-fixes</comment>
        <translation>{identity} hat danach auf {folder} {to} statt {had}.</translation>
    </message>
    <message>
        <source>Anonymous requests run as {name}, which has {has} access to {path}: anonymous visitors could upload and run scripts or replace the site&apos;s pages.</source>
        <comment>excess-anonymous-write</comment>
        <translation>Anonyme Anfragen laufen als {name}, und dieses Konto hat auf {path} {has}: Anonyme Besucher könnten Skripts hochladen und ausführen oder die Seiten der Website ersetzen.</translation>
    </message>
    <message>
        <source>{name} has {has} access to {path}, and anonymous visitors are among {name}: anyone could upload and run scripts or replace the site&apos;s pages.</source>
        <comment>excess-broad-write</comment>
        <translation>{name} hat auf {path} {has}, und anonyme Besucher gehören zu {name}: Jeder könnte Skripts hochladen und ausführen oder die Seiten der Website ersetzen.</translation>
    </message>
    <message>
        <source>IIS_IUSRS has {has} access to {path}, and every application pool on the server is in IIS_IUSRS: a flaw in any site could change this site&apos;s files.</source>
        <comment>excess-iis-iusrs-write</comment>
        <translation>IIS_IUSRS hat auf {path} {has}, und jeder Anwendungspool des Servers gehört zu IIS_IUSRS: Eine Schwachstelle in irgendeiner Website könnte die Dateien dieser Website ändern.</translation>
    </message>
    <message>
        <source>{name}, the identity of another application pool ({pool}), has {has} access to {path}: a flaw in a site of that pool could change this site&apos;s files.</source>
        <comment>excess-foreign-pool-write</comment>
        <translation>{name}, die Identität eines anderen Anwendungspools ({pool}), hat auf {path} {has}: Eine Schwachstelle in einer Website dieses Pools könnte die Dateien dieser Website ändern.</translation>
    </message>
    <message>
        <source>{name}, this site&apos;s own pool identity, has Full control of {path}: a flaw in the application could change the folder&apos;s permissions and take ownership of it.</source>
        <comment>excess-pool-full-control</comment>
        <translation>{name}, die eigene Poolidentität dieser Website, hat Vollzugriff auf {path}: Eine Schwachstelle in der Anwendung könnte die Berechtigungen des Ordners ändern und den Besitz übernehmen.</translation>
    </message>
    <message>
        <source>{name}, this site&apos;s own pool identity, has {has} access to the site root {path}: a flaw in the application could rewrite its own web.config and bin. Only the folders it writes to (such as App_Data or uploads) need Modify.</source>
        <comment>excess-pool-root-write</comment>
        <translation>{name}, die eigene Poolidentität dieser Website, hat auf den Websitestamm {path} {has}: Eine Schwachstelle in der Anwendung könnte ihre eigene web.config und bin überschreiben. „Ändern“ brauchen nur die Ordner, in die sie schreibt (etwa App_Data oder uploads).</translation>
    </message>
    <message>
        <source>Application pool {pool} runs as LocalSystem: a flaw in any of its sites would run with full control of the whole server.</source>
        <comment>excess-pool-local-system</comment>
        <translation>Der Anwendungspool {pool} läuft als LocalSystem: Eine Schwachstelle in einer seiner Websites liefe mit Vollzugriff auf den ganzen Server.</translation>
    </message>
    <message>
        <source>Application pool {pool} runs as {name}, an administrator: a flaw in any of its sites would run with full control of the server.</source>
        <comment>excess-pool-administrator</comment>
        <translation>Der Anwendungspool {pool} läuft als {name}, ein Administrator: Eine Schwachstelle in einer seiner Websites liefe mit Vollzugriff auf den Server.</translation>
    </message>
    <message>
        <source>iis-access reduce {target} --sid {sid} --to {to}</source>
        <comment>fix-reduce</comment>
        <translation>iis-access reduce {target} --sid {sid} --to {to}</translation>
    </message>
    <message>
        <source>{refusal} First: iis-access grant {kind} {target}; then: iis-access reduce {target} --sid {sid} --to {to}</source>
        <comment>fix-grant-then-reduce</comment>
        <translation>{refusal} Zuerst: iis-access grant {kind} {target}; dann: iis-access reduce {target} --sid {sid} --to {to}</translation>
    </message>
    <message>
        <source>In IIS Manager, set application pool {pool}&apos;s identity (Advanced Settings, Process Model, Identity) to ApplicationPoolIdentity, then grant its pool identity what the sites need.</source>
        <comment>fix-pool-identity</comment>
        <translation>Stellen Sie im IIS-Manager die Identität des Anwendungspools {pool} (Erweiterte Einstellungen, Prozessmodell, Identität) auf ApplicationPoolIdentity um und gewähren Sie dann seiner Poolidentität, was die Websites brauchen.</translation>
    </message>
    <message>
        <source>Write</source>
        <comment>level-in-sentence-write</comment>
        <translation>die Berechtigung „Schreiben“</translation>
    </message>
    <message>
        <source>special write</source>
        <comment>level-in-sentence-special-write</comment>
        <translation>besondere Schreibrechte</translation>
    </message>
    <message>
        <source>The fixes were declined at the confirmation prompt; nothing was changed.</source>
        <comment>fix-declined</comment>
        <translation>Die Korrekturen wurden bei der Bestätigung abgelehnt; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>The worker process of application pool {pool} runs as {account}, and IIS adds the pool&apos;s own SID ({name}) to its token: access granted to either reaches it. The check names the pool SID because a grant to it reaches this pool alone.</source>
        <comment>runs-as-too</comment>
        <translation>Der Arbeitsprozess des Anwendungspools {pool} läuft als {account}, und IIS fügt seinem Token die eigene SID des Pools ({name}) hinzu: Zugriff für eines der beiden erreicht ihn. Die Prüfung nennt die Pool-SID, weil eine Berechtigung dafür nur diesen Pool erreicht.</translation>
    </message>
    <message>
        <source>The server could not compute the groups of {name} ({error}): only its own SID and the groups every signed-in account carries are counted, so access it has through another group is not seen.</source>
        <comment>groups-unknown</comment>
        <translation>Der Server konnte die Gruppen von {name} nicht ermitteln ({error}): Gezählt werden nur die eigene SID und die Gruppen, die jedes angemeldete Konto trägt; Zugriff über eine andere Gruppe wird also nicht erkannt.</translation>
    </message>
    <message>
        <source>URL authorization denies anonymous users (?): they must sign in, and their requests end in HTTP 401 before any file is opened.</source>
        <comment>authorization-denies-anonymous</comment>
        <translation>Die URL-Autorisierung verweigert anonyme Benutzer (?): Sie müssen sich anmelden, und ihre Anfragen enden mit HTTP 401, bevor eine Datei geöffnet wird.</translation>
    </message>
    <message>
        <source>URL authorization denies {who}: those requests end in HTTP 401 before any file is opened, so they need no access.</source>
        <comment>authorization-denies</comment>
        <translation>Die URL-Autorisierung verweigert {who}: Diese Anfragen enden mit HTTP 401, bevor eine Datei geöffnet wird, und brauchen daher keinen Zugriff.</translation>
    </message>
    <message>
        <source>Users who sign in reach the share only if this server may delegate their credentials (Kerberos delegation to the file server): a second hop that NTLM cannot make.</source>
        <comment>sign-in-on-share</comment>
        <translation>Angemeldete Benutzer erreichen die Freigabe nur, wenn dieser Server ihre Anmeldeinformationen delegieren darf (Kerberos-Delegierung an den Dateiserver): ein zweiter Hop, den NTLM nicht kann.</translation>
    </message>
    <message>
        <source>Which account the file server sees for anonymous requests that run as IUSR is not settled by Microsoft&apos;s documentation; the safe choice is Connect as with a domain account that has Read there.</source>
        <comment>iusr-on-share</comment>
        <translation>Als welches Konto der Dateiserver anonyme Anfragen sieht, die als IUSR laufen, klärt Microsofts Dokumentation nicht; sicher ist „Verbinden als“ mit einem Domänenkonto, das dort Lesen darf.</translation>
    </message>
    <message>
        <source>Every requirement is met: there is nothing to fix.</source>
        <comment>fix-nothing-to-do</comment>
        <translation>Alle Anforderungen sind erfüllt: Es gibt nichts zu korrigieren.</translation>
    </message>
    <message>
        <source>The content is on a network share: the fix belongs on the file server (share and NTFS permissions), not on this server.</source>
        <comment>fix-on-file-server</comment>
        <translation>Die Inhalte liegen auf einer Netzwerkfreigabe: Die Korrektur gehört auf den Dateiserver (Freigabe- und NTFS-Berechtigungen), nicht auf diesen Server.</translation>
    </message>
    <message>
        <source>A deny entry takes the access away: remove or narrow it first, then check again.</source>
        <comment>fix-blocked</comment>
        <translation>Ein Verweigern-Eintrag nimmt den Zugriff weg: Entfernen oder beschränken Sie ihn zuerst und prüfen Sie dann erneut.</translation>
    </message>
    <message>
        <source>The account that needs access did not resolve to a SID on the server: no grant can name it.</source>
        <comment>fix-unresolved</comment>
        <translation>Das Konto, das Zugriff braucht, ließ sich auf dem Server nicht in eine SID auflösen: Keine Berechtigung kann es nennen.</translation>
    </message>
    <message>
        <source>{path} does not inherit its folder&apos;s permissions: turn inheritance back on for it, then check again.</source>
        <comment>fix-protected-file</comment>
        <translation>{path} erbt die Berechtigungen seines Ordners nicht: Aktivieren Sie die Vererbung dafür wieder und prüfen Sie dann erneut.</translation>
    </message>
    <message>
        <source>Gives {identity} {level} access to {path}: {reason}</source>
        <comment>fix-why</comment>
        <translation>Gibt {identity} auf {path} {level}: {reason}</translation>
    </message>
    <message>
        <source>entry {position} (an explicit deny)</source>
        <comment>entry-explicit-deny</comment>
        <translation>Eintrag {position} (ein expliziter Verweigern-Eintrag)</translation>
    </message>
    <message>
        <source>entry {position} (an explicit allow)</source>
        <comment>entry-explicit-allow</comment>
        <translation>Eintrag {position} (ein expliziter Zulassen-Eintrag)</translation>
    </message>
    <message>
        <source>entry {position} (an inherited entry)</source>
        <comment>entry-inherited</comment>
        <translation>Eintrag {position} (ein geerbter Eintrag)</translation>
    </message>
    <message>
        <source>Anonymous authentication is off here: no request runs as IUSR, so a grant to it would not help.</source>
        <comment>choice-anonymous-off</comment>
        <translation>Die anonyme Authentifizierung ist hier ausgeschaltet: Keine Anfrage läuft als IUSR, eine Berechtigung dafür hilft also nicht.</translation>
    </message>
    <message>
        <source>Anonymous requests run as {name}, not as IUSR: a grant to IUSR would not help.</source>
        <comment>choice-anonymous-not-iusr</comment>
        <translation>Anonyme Anfragen laufen als {name}, nicht als IUSR: Eine Berechtigung für IUSR hilft nicht.</translation>
    </message>
    <message>
        <source>Virtual directory {directory} reads its content as {name} (Connect as): {identity} needs nothing here to read it.</source>
        <comment>choice-connect-as</comment>
        <translation>Das virtuelle Verzeichnis {directory} liest seine Inhalte als {name} („Verbinden als“): {identity} braucht hier nichts, um sie zu lesen.</translation>
    </message>
    <message>
        <source>Application pool {pool} sets manualGroupMembership and its identity is not a stored member of IIS_IUSRS: a grant to IIS_IUSRS does not reach its worker.</source>
        <comment>choice-no-iis-iusrs</comment>
        <translation>Der Anwendungspool {pool} setzt manualGroupMembership, und seine Identität ist kein gespeichertes Mitglied von IIS_IUSRS: Eine Berechtigung für IIS_IUSRS erreicht seinen Arbeitsprozess nicht.</translation>
    </message>
</context>
<context>
    <name>ChangeNotice</name>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>no access</source>
        <translation>keinen Zugriff</translation>
    </message>
    <message>
        <source>Reduced {identity} to {rights} on {path}.</source>
        <translation>{identity} auf {path} auf „{rights}“ reduziert.</translation>
    </message>
    <message>
        <source>Granted {identity} {rights} on {path}.</source>
        <translation>{identity} hat jetzt „{rights}“ auf {path}.</translation>
    </message>
    <message>
        <source>Undone: {path} has its previous permissions again.</source>
        <translation>Rückgängig gemacht: {path} hat wieder seine vorherigen Berechtigungen.</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Identity type</source>
        <translation>Identitätstyp</translation>
    </message>
    <message>
        <source>Identity account</source>
        <translation>Identitätskonto</translation>
    </message>
    <message>
        <source>SID</source>
        <translation>SID</translation>
    </message>
    <message>
        <source>.NET CLR version</source>
        <translation>.NET-CLR-Version</translation>
    </message>
    <message>
        <source>Pipeline mode</source>
        <translation>Pipelinemodus</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>Anwendungen</translation>
    </message>
    <message>
        <source>IIS_IUSRS in the worker token</source>
        <translation>IIS_IUSRS im Token des Arbeitsprozesses</translation>
    </message>
    <message>
        <source>Click to see who is behind IIS_IUSRS</source>
        <translation>Klicken, um zu sehen, wer hinter IIS_IUSRS steht</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Rights</source>
        <translation>Rechte</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Deny</source>
        <translation>Verweigern</translation>
    </message>
    <message>
        <source>Allow</source>
        <translation>Zulassen</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>Inherited</source>
        <translation>Geerbt</translation>
    </message>
    <message>
        <source>Explicit</source>
        <translation>Explizit</translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation>Gilt für</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identität</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Site / application</source>
        <translation>Website / Anwendung</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Zugriff</translation>
    </message>
    <message>
        <source>Physical path</source>
        <translation>Physischer Pfad</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <source>Confirm change</source>
        <translation>Änderung bestätigen</translation>
    </message>
    <message>
        <source>Reduce {identity} to {rights} on this folder?</source>
        <translation>{identity} auf diesem Ordner auf „{rights}“ reduzieren?</translation>
    </message>
    <message>
        <source>Grant {identity} {rights} on this folder?</source>
        <translation>{identity} „{rights}“ für diesen Ordner gewähren?</translation>
    </message>
    <message>
        <source>The same change by hand:</source>
        <translation>Dieselbe Änderung von Hand:</translation>
    </message>
    <message>
        <source>no access</source>
        <translation>keinen Zugriff</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Host:</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Ordner:</translation>
    </message>
    <message>
        <source>Identity:</source>
        <translation>Identität:</translation>
    </message>
    <message>
        <source>Rights:</source>
        <translation>Rechte:</translation>
    </message>
    <message>
        <source>Leaves:</source>
        <translation>Belässt:</translation>
    </message>
    <message>
        <source>Applies to:</source>
        <translation>Gilt für:</translation>
    </message>
    <message>
        <source>Takes away:</source>
        <translation>Entfernt:</translation>
    </message>
    <message>
        <source>Adds:</source>
        <translation>Fügt hinzu:</translation>
    </message>
    <message>
        <source>Deny: {rights}</source>
        <translation>Verweigern: {rights}</translation>
    </message>
    <message>
        <source>Nothing to do</source>
        <translation>Nichts zu tun</translation>
    </message>
    <message>
        <source>Nothing to do: {reason}</source>
        <translation>Nichts zu tun: {reason}</translation>
    </message>
    <message>
        <source>The folder already is as this change would leave it; nothing will be changed.</source>
        <translation>Der Ordner ist bereits so, wie diese Änderung ihn hinterließe; es wird nichts geändert.</translation>
    </message>
    <message>
        <source>IIS Access does not make this change to this folder; nothing will be changed.</source>
        <translation>IIS Access nimmt diese Änderung an diesem Ordner nicht vor; es wird nichts geändert.</translation>
    </message>
    <message>
        <source>Change refused</source>
        <translation>Änderung abgelehnt</translation>
    </message>
    <message>
        <source>Refused: {reason}</source>
        <translation>Abgelehnt: {reason}</translation>
    </message>
    <message>
        <source>Refused: a deny entry takes {rights} away from {identity}.</source>
        <translation>Abgelehnt: Ein Verweigern-Eintrag entzieht {identity} das Recht {rights}.</translation>
    </message>
    <message>
        <source>Adding an allow entry would not help: remove or narrow the deny entry first.</source>
        <translation>Ein zusätzlicher Zulassen-Eintrag hilft nicht: Entfernen oder beschränken Sie zuerst den Verweigern-Eintrag.</translation>
    </message>
    <message>
        <source>Reducing…</source>
        <translation>Wird reduziert…</translation>
    </message>
    <message>
        <source>Reduce</source>
        <translation>Reduzieren</translation>
    </message>
    <message>
        <source>Grant</source>
        <translation>Gewähren</translation>
    </message>
    <message>
        <source>Granting…</source>
        <translation>Wird gewährt…</translation>
    </message>
</context>
<context>
    <name>Details</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Blocked by deny</source>
        <translation>Durch Verweigern blockiert</translation>
    </message>
    <message>
        <source>On the file server</source>
        <translation>Auf dem Dateiserver</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Fehlt</translation>
    </message>
    <message>
        <source>This folder</source>
        <translation>Dieser Ordner</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identität</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>Braucht</translation>
    </message>
    <message>
        <source>Has</source>
        <translation>Hat</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Too much:</source>
        <translation>Zu viel:</translation>
    </message>
    <message>
        <source>Reduce to {level}</source>
        <translation>Auf {level} beschränken</translation>
    </message>
    <message>
        <source>Reduce to {level} on {folder}, where it is set</source>
        <translation>Auf {level} beschränken, auf {folder}, wo der Eintrag gesetzt ist</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Hinweis:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Connect as:&lt;/b&gt; {identity} — the physical path credentials of virtual directory {directory} (logon method {method}): IIS reads its content and web.config files as this user.</source>
        <translation>&lt;b&gt;Verbinden als:&lt;/b&gt; {identity} – die Anmeldeinformationen für den physischen Pfad des virtuellen Verzeichnisses {directory} (Anmeldemethode {method}): IIS liest seine Inhalte und web.config-Dateien als dieser Benutzer.</translation>
    </message>
    <message>
        <source>Windows authentication</source>
        <translation>Windows-Authentifizierung</translation>
    </message>
    <message>
        <source>Basic authentication</source>
        <translation>Standardauthentifizierung</translation>
    </message>
    <message>
        <source>Digest authentication</source>
        <translation>Digestauthentifizierung</translation>
    </message>
    <message>
        <source>&lt;b&gt;Signed-in users&lt;/b&gt; ({methods}): {identities} — any user who signs in (URL authorization names no one).</source>
        <translation>&lt;b&gt;Angemeldete Benutzer&lt;/b&gt; ({methods}): {identities} – jeder Benutzer, der sich anmeldet (die URL-Autorisierung nennt niemanden).</translation>
    </message>
    <message>
        <source>&lt;b&gt;Signed-in users&lt;/b&gt; ({methods}): {identities} — the accounts URL authorization allows.</source>
        <translation>&lt;b&gt;Angemeldete Benutzer&lt;/b&gt; ({methods}): {identities} – die Konten, die die URL-Autorisierung zulässt.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Impersonated (ASP.NET):&lt;/b&gt; {identity} — set in system.web/identity: the application&apos;s code reads and writes as this user.</source>
        <translation>&lt;b&gt;Identitätswechsel (ASP.NET):&lt;/b&gt; {identity} – festgelegt in system.web/identity: Der Code der Anwendung liest und schreibt als dieser Benutzer.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Impersonated (ASP.NET):&lt;/b&gt; the user of each request — system.web/identity impersonates without a user name.</source>
        <translation>&lt;b&gt;Identitätswechsel (ASP.NET):&lt;/b&gt; der Benutzer jeder Anfrage – system.web/identity wechselt ohne Benutzernamen die Identität.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Worker process:&lt;/b&gt; {account} and its pool SID {identity} — application pool {pool} ({type}).</source>
        <translation>&lt;b&gt;Arbeitsprozess:&lt;/b&gt; {account} und seine Pool-SID {identity} – Anwendungspool {pool} ({type}).</translation>
    </message>
    <message>
        <source>&lt;b&gt;On the file server:&lt;/b&gt; {accounts} — the accounts the share is read as.</source>
        <translation>&lt;b&gt;Auf dem Dateiserver:&lt;/b&gt; {accounts} – die Konten, als die die Freigabe gelesen wird.</translation>
    </message>
</context>
<context>
    <name>DetailsPane</name>
    <message>
        <source>Served as</source>
        <translation>Ausgeliefert als</translation>
    </message>
    <message>
        <source>Who needs what</source>
        <translation>Wer braucht was</translation>
    </message>
    <message>
        <source>Permissions of the folder</source>
        <translation>Berechtigungen des Ordners</translation>
    </message>
    <message>
        <source>Reduce the selected account&apos;s access</source>
        <translation>Zugriff des ausgewählten Kontos reduzieren</translation>
    </message>
    <message>
        <source>To Read &amp;&amp; execute</source>
        <translation>Auf „Lesen, Ausführen“</translation>
    </message>
    <message>
        <source>To Read</source>
        <translation>Auf „Lesen“</translation>
    </message>
    <message>
        <source>Remove its entries</source>
        <translation>Seine Einträge entfernen</translation>
    </message>
    <message>
        <source>Select a site, application or virtual directory</source>
        <translation>Wählen Sie eine Website, Anwendung oder ein virtuelles Verzeichnis</translation>
    </message>
    <message>
        <source>Grant {identity} {rights} on {path}</source>
        <translation>„{rights}“ für {identity} auf {path}</translation>
    </message>
    <message>
        <source>Fix</source>
        <translation>Beheben</translation>
    </message>
    <message>
        <source>Grant on the folder itself or on one of its subfolders</source>
        <translation>Für den Ordner selbst oder einen seiner Unterordner gewähren</translation>
    </message>
    <message>
        <source>Grant IUSR read</source>
        <translation>IUSR Lesen gewähren</translation>
    </message>
    <message>
        <source>Grant IIS_IUSRS modify</source>
        <translation>IIS_IUSRS Ändern gewähren</translation>
    </message>
    <message>
        <source>Grant pool identity read</source>
        <translation>Poolidentität Lesen gewähren</translation>
    </message>
    <message>
        <source>Grant pool identity modify</source>
        <translation>Poolidentität Ändern gewähren</translation>
    </message>
    <message>
        <source>On:</source>
        <translation>Für:</translation>
    </message>
    <message>
        <source>Apply the {count} recommended grants</source>
        <translation>Die {count} empfohlenen Berechtigungen erteilen</translation>
    </message>
    <message>
        <source>The folder itself</source>
        <translation>Den Ordner selbst</translation>
    </message>
    <message>
        <source>&lt;b&gt;Anonymous:&lt;/b&gt; anonymous authentication is off.</source>
        <translation>&lt;b&gt;Anonym:&lt;/b&gt; Die anonyme Authentifizierung ist ausgeschaltet.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Anonymous:&lt;/b&gt; {identity} — anonymous authentication uses the application pool identity.</source>
        <translation>&lt;b&gt;Anonym:&lt;/b&gt; {identity} – die anonyme Authentifizierung verwendet die Identität des Anwendungspools.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Anonymous:&lt;/b&gt; {identity} — the user name set for anonymous authentication.</source>
        <translation>&lt;b&gt;Anonym:&lt;/b&gt; {identity} – der für die anonyme Authentifizierung eingetragene Benutzer.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Worker process:&lt;/b&gt; {identity} — application pool {pool} ({type}).</source>
        <translation>&lt;b&gt;Arbeitsprozess:&lt;/b&gt; {identity} – Anwendungspool {pool} ({type}).</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <source>Unexpected error</source>
        <translation>Unerwarteter Fehler</translation>
    </message>
    <message>
        <source>IIS Access ran into a problem it did not expect.</source>
        <translation>IIS Access ist auf ein unerwartetes Problem gestoßen.</translation>
    </message>
    <message>
        <source>The details were written to the log file:
{path}</source>
        <translation>Die Einzelheiten stehen in der Protokolldatei:
{path}</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;How it decides</source>
        <translation>&amp;Wie es entscheidet</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>&amp;Protokollordner öffnen</translation>
    </message>
    <message>
        <source>&amp;About IIS Access</source>
        <translation>Ü&amp;ber IIS Access</translation>
    </message>
    <message>
        <source>&lt;h3&gt;How IIS Access decides&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Grant by SID, never by name&lt;/b&gt;: account names are not localized but their domain prefixes are (&lt;code&gt;NT-AUTORITÄT\IUSR&lt;/code&gt; on German Windows). A grant is one inheritable allow entry on the folder, like &lt;code&gt;icacls &amp;lt;dir&amp;gt; /grant *S-1-5-17:(OI)(CI)RX&lt;/code&gt;.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Effective access&lt;/b&gt;, not a search for a name: allow entries for any SID in the identity&apos;s token, minus deny entries. A fresh wwwroot has no IUSR entry and still serves anonymous requests, because IUSR&apos;s token carries Users.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Least privilege first&lt;/b&gt;: IIS_IUSRS is in every worker&apos;s token, so Modify for it on a site root lets every pool on the server write there; prefer the pool identity, on the subfolder the application writes to.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Nothing you type becomes code&lt;/b&gt;: the PowerShell that runs on a server is a constant script; paths, names and SIDs travel only as parameters.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Safe changes&lt;/b&gt;: every change is recorded before it is sent and can be undone; a grant or undo is refused if the folder&apos;s permissions changed since they were read.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;h3&gt;Wie IIS Access entscheidet&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Berechtigungen über die SID, nie über den Namen&lt;/b&gt;: Kontonamen werden nicht übersetzt, ihre Domänenpräfixe schon (&lt;code&gt;NT-AUTORITÄT\IUSR&lt;/code&gt; unter deutschem Windows). Eine Berechtigung ist ein vererbbarer Zulassen-Eintrag am Ordner, wie &lt;code&gt;icacls &amp;lt;dir&amp;gt; /grant *S-1-5-17:(OI)(CI)RX&lt;/code&gt;.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Effektiver Zugriff&lt;/b&gt; statt Suche nach einem Namen: Zulassen-Einträge für jede SID im Token der Identität, abzüglich der Verweigern-Einträge. Ein frisches wwwroot hat keinen IUSR-Eintrag und beantwortet anonyme Anfragen trotzdem, weil das Token von IUSR die Gruppe Benutzer enthält.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Geringste Rechte zuerst&lt;/b&gt;: IIS_IUSRS steht im Token jedes Arbeitsprozesses; Ändern für diese Gruppe am Stammordner einer Website lässt jeden Pool des Servers dort schreiben. Besser die Poolidentität, und nur im Unterordner, in den die Anwendung schreibt.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Was Sie eingeben, wird nie zu Code&lt;/b&gt;: Das PowerShell-Skript auf dem Server ist konstant; Pfade, Namen und SIDs reisen nur als Parameter.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Sichere Änderungen&lt;/b&gt;: Jede Änderung wird vor dem Senden aufgezeichnet und kann rückgängig gemacht werden; eine Berechtigung oder ein Rückgängigmachen wird abgelehnt, wenn sich die Berechtigungen des Ordners seit dem Lesen geändert haben.&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>How it decides</source>
        <translation>Wie es entscheidet</translation>
    </message>
    <message>
        <source>Every menu opens with Alt and its underlined letter.</source>
        <translation>Jedes Menü öffnet sich mit Alt und seinem unterstrichenen Buchstaben.</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>&lt;h3&gt;IIS Access {version}&lt;/h3&gt;&lt;p&gt;Which account needs access to each IIS site&apos;s folder, and does it have it?&lt;/p&gt;&lt;p&gt;Qt {qt} · PySide6 {pyside} · pypsrp {pypsrp}&lt;/p&gt;&lt;p&gt;Licence: {licence}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;IIS Access {version}&lt;/h3&gt;&lt;p&gt;Welches Konto braucht Zugriff auf den Ordner jeder IIS-Website, und hat es ihn?&lt;/p&gt;&lt;p&gt;Qt {qt} · PySide6 {pyside} · pypsrp {pypsrp}&lt;/p&gt;&lt;p&gt;Lizenz: {licence}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About IIS Access</source>
        <translation>Über IIS Access</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>Changes made</source>
        <translation>Vorgenommene Änderungen</translation>
    </message>
    <message>
        <source>Undo selected change</source>
        <translation>Ausgewählte Änderung rückgängig machen</translation>
    </message>
    <message>
        <source>No changes yet</source>
        <translation>Noch keine Änderungen</translation>
    </message>
</context>
<context>
    <name>HostActions</name>
    <message>
        <source>&amp;Add remote host…</source>
        <translation>Remote-Host &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Edit host…</source>
        <translation>Host &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Remove host</source>
        <translation>Host &amp;entfernen</translation>
    </message>
    <message>
        <source>Reset &amp;demo lab…</source>
        <translation>Demo-Labor &amp;zurücksetzen…</translation>
    </message>
    <message>
        <source>Reset demo lab</source>
        <translation>Demo-Labor zurücksetzen</translation>
    </message>
    <message>
        <source>Put the demo lab back as shipped? Every grant and undo made on it is forgotten; the History keeps its records.</source>
        <translation>Das Demo-Labor in den Auslieferungszustand zurücksetzen? Alle darin vorgenommenen Berechtigungen und Rückgängig-Aktionen werden vergessen; der Verlauf behält seine Einträge.</translation>
    </message>
</context>
<context>
    <name>HostDialog</name>
    <message>
        <source>Add remote host</source>
        <translation>Remote-Host hinzufügen</translation>
    </message>
    <message>
        <source>Edit remote host</source>
        <translation>Remote-Host bearbeiten</translation>
    </message>
    <message>
        <source>web01.example.com</source>
        <translation>web01.example.com</translation>
    </message>
    <message>
        <source>HTTPS (port 5986)</source>
        <translation>HTTPS (Port 5986)</translation>
    </message>
    <message>
        <source>HTTP, message-encrypted (port 5985)</source>
        <translation>HTTP, nachrichtenverschlüsselt (Port 5985)</translation>
    </message>
    <message>
        <source>Negotiate (Kerberos or NTLM)</source>
        <translation>Negotiate (Kerberos oder NTLM)</translation>
    </message>
    <message>
        <source>Kerberos</source>
        <translation>Kerberos</translation>
    </message>
    <message>
        <source>NTLM</source>
        <translation>NTLM</translation>
    </message>
    <message>
        <source>CredSSP</source>
        <translation>CredSSP</translation>
    </message>
    <message>
        <source>Basic (HTTPS only)</source>
        <translation>Standard (nur HTTPS)</translation>
    </message>
    <message>
        <source>DOMAIN\admin</source>
        <translation>DOMÄNE\admin</translation>
    </message>
    <message>
        <source>Remember the password in the system keyring</source>
        <translation>Kennwort im Schlüsselbund des Systems speichern</translation>
    </message>
    <message>
        <source>optional: CA certificate file (PEM)</source>
        <translation>optional: Zertifikatsdatei der Zertifizierungsstelle (PEM)</translation>
    </message>
    <message>
        <source>optional: SHA-256 thumbprint to pin</source>
        <translation>optional: SHA-256-Fingerabdruck zum Festlegen</translation>
    </message>
    <message>
        <source>The PowerShell session configuration to connect to. Leave it empty for Windows PowerShell&apos;s own (Microsoft.PowerShell); an endpoint whose default runs PowerShell 7 needs it.</source>
        <translation>Die PowerShell-Sitzungskonfiguration, mit der verbunden wird. Leer lassen für die von Windows PowerShell selbst (Microsoft.PowerShell); ein Endpunkt, dessen Standard PowerShell 7 ausführt, braucht sie.</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Host:</translation>
    </message>
    <message>
        <source>Transport:</source>
        <translation>Transport:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>Authentication:</source>
        <translation>Authentifizierung:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Benutzer:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Kennwort:</translation>
    </message>
    <message>
        <source>CA file:</source>
        <translation>CA-Datei:</translation>
    </message>
    <message>
        <source>Thumbprint:</source>
        <translation>Fingerabdruck:</translation>
    </message>
    <message>
        <source>Session configuration:</source>
        <translation>Sitzungskonfiguration:</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
</context>
<context>
    <name>Hosts</name>
    <message>
        <source>The sites shown are as last read and may be out of date.</source>
        <translation>Die angezeigten Websites sind der zuletzt gelesene Stand und können veraltet sein.</translation>
    </message>
    <message>
        <source>{host}: {sites} sites; {to_fix} to fix, {elsewhere} cannot be fixed here, {too_much} with too much access</source>
        <translation>{host}: {sites} Websites; {to_fix} zu beheben, {elsewhere} hier nicht behebbar, {too_much} mit zu vielen Rechten</translation>
    </message>
    <message>
        <source>{state} · certificate NOT verified</source>
        <translation>{state} · Zertifikat NICHT geprüft</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Dieser Computer</translation>
    </message>
    <message>
        <source>Demo lab</source>
        <translation>Demo-Labor</translation>
    </message>
    <message>
        <source>{state} · the demo lab, a simulated server: it keeps its changes until it is reset (Host menu)</source>
        <translation>{state} · das Demo-Labor, ein simulierter Server: es behält seine Änderungen, bis es zurückgesetzt wird (Menü Host)</translation>
    </message>
    <message>
        <source>{count} to fix</source>
        <translation>{count} zu beheben</translation>
    </message>
    <message>
        <source>{count} cannot be fixed here</source>
        <translation>{count} hier nicht behebbar</translation>
    </message>
    <message>
        <source>{count} with too much access</source>
        <translation>{count} mit zu vielen Rechten</translation>
    </message>
    <message>
        <source>Connected · all good</source>
        <translation>Verbunden · alles in Ordnung</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>System default</source>
        <translation>Systemvorgabe</translation>
    </message>
    <message>
        <source>IIS Access</source>
        <translation>IIS Access</translation>
    </message>
    <message>
        <source>Filter sites, applications, pools and paths (Ctrl+F)</source>
        <translation>Websites, Anwendungen, Pools und Pfade filtern (Strg+F)</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Application pools</source>
        <translation>Anwendungspools</translation>
    </message>
    <message>
        <source>Findings on all hosts</source>
        <translation>Befunde auf allen Hosts</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>Websites</translation>
    </message>
    <message>
        <source>Application Pools</source>
        <translation>Anwendungspools</translation>
    </message>
    <message>
        <source>All hosts</source>
        <translation>Alle Hosts</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>H&amp;ost</source>
        <translation>H&amp;ost</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>Hosts</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Check all hosts</source>
        <translation>Alle Hosts &amp;prüfen</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>A&amp;bbrechen</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Who is behind &amp;IIS_IUSRS…</source>
        <translation>Wer steht hinter &amp;IIS_IUSRS…</translation>
    </message>
    <message>
        <source>Site &amp;columns</source>
        <translation>&amp;Spalten der Websites</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>In Arbeit…</translation>
    </message>
    <message>
        <source>Cancelled: the operation was stopped.</source>
        <translation>Abgebrochen: der Vorgang wurde angehalten.</translation>
    </message>
</context>
<context>
    <name>Members</name>
    <message>
        <source>Yes, added by IIS</source>
        <translation>Ja, von IIS hinzugefügt</translation>
    </message>
    <message>
        <source>Yes, as a stored member (manualGroupMembership)</source>
        <translation>Ja, als gespeichertes Mitglied (manualGroupMembership)</translation>
    </message>
    <message>
        <source>No (manualGroupMembership)</source>
        <translation>Nein (manualGroupMembership)</translation>
    </message>
    <message>
        <source>(cannot be named: an orphaned or deleted account)</source>
        <translation>(ohne Namen: ein verwaistes oder gelöschtes Konto)</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>SID</source>
        <translation>SID</translation>
    </message>
    <message>
        <source>Worker identity</source>
        <translation>Identität des Arbeitsprozesses</translation>
    </message>
    <message>
        <source>Application pool</source>
        <translation>Anwendungspool</translation>
    </message>
    <message>
        <source>Carries IIS_IUSRS</source>
        <translation>Trägt IIS_IUSRS</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
</context>
<context>
    <name>MembersView</name>
    <message>
        <source>Who is behind IIS_IUSRS</source>
        <translation>Wer steht hinter IIS_IUSRS</translation>
    </message>
    <message>
        <source>Stored members (what Computer Management lists)</source>
        <translation>Gespeicherte Mitglieder (was die Computerverwaltung anzeigt)</translation>
    </message>
    <message>
        <source>Added at run time (in the worker token, never listed)</source>
        <translation>Zur Laufzeit hinzugefügt (im Token des Arbeitsprozesses, nie aufgelistet)</translation>
    </message>
    <message>
        <source>Exceptions: pools that set manualGroupMembership</source>
        <translation>Ausnahmen: Pools mit manualGroupMembership</translation>
    </message>
    <message>
        <source>Reading the group&apos;s members…</source>
        <translation>Die Mitglieder der Gruppe werden gelesen…</translation>
    </message>
    <message>
        <source>The host is not connected or is busy; try again in a moment.</source>
        <translation>Der Host ist nicht verbunden oder beschäftigt; bitte gleich noch einmal versuchen.</translation>
    </message>
    <message>
        <source>The group has no stored members: the usual case.</source>
        <translation>Die Gruppe hat keine gespeicherten Mitglieder: der Normalfall.</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <source>Restart as &amp;administrator</source>
        <translation>Als &amp;Administrator neu starten</translation>
    </message>
    <message>
        <source>Restart as administrator</source>
        <translation>Als Administrator neu starten</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Anmelden…</translation>
    </message>
    <message>
        <source>IIS Access keeps running without administrator rights: the request was declined.</source>
        <translation>IIS Access läuft ohne Administratorrechte weiter: die Anfrage wurde abgelehnt.</translation>
    </message>
    <message>
        <source>Windows could not restart IIS Access as administrator (error {code}).</source>
        <translation>Windows konnte IIS Access nicht als Administrator neu starten (Fehler {code}).</translation>
    </message>
</context>
<context>
    <name>Rights</name>
    <message>
        <source>Full control</source>
        <translation>Vollzugriff</translation>
    </message>
    <message>
        <source>Modify</source>
        <translation>Ändern</translation>
    </message>
    <message>
        <source>Read &amp; execute</source>
        <translation>Lesen, Ausführen</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Lesen</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <source>Traverse folder</source>
        <translation>Ordner durchsuchen</translation>
    </message>
    <message>
        <source>List folder</source>
        <translation>Ordner auflisten</translation>
    </message>
    <message>
        <source>Read attributes</source>
        <translation>Attribute lesen</translation>
    </message>
    <message>
        <source>Read extended attributes</source>
        <translation>Erweiterte Attribute lesen</translation>
    </message>
    <message>
        <source>Create files</source>
        <translation>Dateien erstellen</translation>
    </message>
    <message>
        <source>Create folders</source>
        <translation>Ordner erstellen</translation>
    </message>
    <message>
        <source>Write attributes</source>
        <translation>Attribute schreiben</translation>
    </message>
    <message>
        <source>Write extended attributes</source>
        <translation>Erweiterte Attribute schreiben</translation>
    </message>
    <message>
        <source>Delete subfolders and files</source>
        <translation>Unterordner und Dateien löschen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Read permissions</source>
        <translation>Berechtigungen lesen</translation>
    </message>
    <message>
        <source>Change permissions</source>
        <translation>Berechtigungen ändern</translation>
    </message>
    <message>
        <source>Take ownership</source>
        <translation>Besitz übernehmen</translation>
    </message>
    <message>
        <source>Access system security</source>
        <translation>Auf Systemsicherheit zugreifen</translation>
    </message>
    <message>
        <source>Maximum allowed</source>
        <translation>Maximal zulässig</translation>
    </message>
    <message>
        <source>Synchronize</source>
        <translation>Synchronisieren</translation>
    </message>
    <message>
        <source>Special: {rights} ({letters})</source>
        <translation>Speziell: {rights} ({letters})</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Sign in to {host}.</source>
        <translation>Bei {host} anmelden.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Kennwort</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Kennwort:</translation>
    </message>
</context>
<context>
    <name>SiteTree</name>
    <message>
        <source>Sites, applications and virtual directories</source>
        <translation>Websites, Anwendungen und virtuelle Verzeichnisse</translation>
    </message>
</context>
<context>
    <name>SiteTreeModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Zugriff</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Bindings</source>
        <translation>Bindungen</translation>
    </message>
    <message>
        <source>Application pool</source>
        <translation>Anwendungspool</translation>
    </message>
    <message>
        <source>Physical path</source>
        <translation>Physischer Pfad</translation>
    </message>
</context>
<context>
    <name>WrappedLabel</name>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Alles auswählen</translation>
    </message>
</context>
</TS>
