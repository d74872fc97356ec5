<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
    <context>
        <name>AccountCard</name>
        <message numerus="yes">
            <source>Contacts (%n)</source>
            <translation>
                <numerusform>Contacts (%n)</numerusform>
                <numerusform>Contacts (%n)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Pharmacies (%n)</source>
            <translation>
                <numerusform>Pharmacies (%n)</numerusform>
                <numerusform>Pharmacies (%n)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>AnalyticsPage</name>
        <message numerus="yes">
            <source>%n key client(s) bring %1 of your sales, %2.</source>
            <translation>
                <numerusform>%n key client brings %1 of your sales, %2.</numerusform>
                <numerusform>%n key clients bring %1 of your sales, %2.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n more of a key-client type bought nothing in the period and are not counted.</source>
            <translation>
                <numerusform>%n more of a key-client type bought nothing in the period and is not counted.</numerusform>
                <numerusform>%n more of a key-client type bought nothing in the period and are not counted.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ChecklistView</name>
        <message numerus="yes">
            <source>not ready: %n critical item(s)</source>
            <translation>
                <numerusform>not ready: %n critical item</numerusform>
                <numerusform>not ready: %n critical items</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>and %n more</source>
            <translation>
                <numerusform>and %n more</numerusform>
                <numerusform>and %n more</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>nearly ready: %n item(s) left</source>
            <translation>
                <numerusform>nearly ready: %n item left</numerusform>
                <numerusform>nearly ready: %n items left</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>not ready: %n item(s) left</source>
            <translation>
                <numerusform>not ready: %n item left</numerusform>
                <numerusform>not ready: %n items left</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ChoiceFilterButton</name>
        <message numerus="yes">
            <source>%n selected</source>
            <translation>
                <numerusform>%n selected</numerusform>
                <numerusform>%n selected</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ClientsPage</name>
        <message numerus="yes">
            <source>Counting… of {total} accounts</source>
            <translation>
                <numerusform>Counting… of {total} account</numerusform>
                <numerusform>Counting… of {total} accounts</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{shown} of {total} accounts</source>
            <translation>
                <numerusform>{shown} of {total} account</numerusform>
                <numerusform>{shown} of {total} accounts</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CycleTexts</name>
        <message numerus="yes">
            <source>buys every %n month(s)</source>
            <translation>
                <numerusform>buys every month</numerusform>
                <numerusform>buys every %n months</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>IssuesView</name>
        <message numerus="yes">
            <source>No issues; %n change(s) waiting to be sent to the office.</source>
            <translation>
                <numerusform>No issues; %n change waiting to be sent to the office.</numerusform>
                <numerusform>No issues; %n changes waiting to be sent to the office.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MergeDialog</name>
        <message numerus="yes">
            <source>%n contact(s)</source>
            <translation>
                <numerusform>%n contact</numerusform>
                <numerusform>%n contacts</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n history event(s)</source>
            <translation>
                <numerusform>%n history event</numerusform>
                <numerusform>%n history events</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n sales row(s) over %1 month(s)</source>
            <translation>
                <numerusform>%n sales row over %1 month(s)</numerusform>
                <numerusform>%n sales rows over %1 month(s)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n visit(s)</source>
            <translation>
                <numerusform>%n visit</numerusform>
                <numerusform>%n visits</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n offer(s)</source>
            <translation>
                <numerusform>%n offer</numerusform>
                <numerusform>%n offers</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n competitor(s)</source>
            <translation>
                <numerusform>%n competitor</numerusform>
                <numerusform>%n competitors</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>NoMatchesPanel</name>
        <message numerus="yes">
            <source>with the filter: {filters}</source>
            <translation>
                <numerusform>with the filter: {filters}</numerusform>
                <numerusform>with the filters: {filters}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>No accounts with the filter: {filters}</source>
            <translation>
                <numerusform>No accounts with the filter: {filters}</numerusform>
                <numerusform>No accounts with the filters: {filters}</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PharmaciesTab</name>
        <message numerus="yes">
            <source>%n pharmacies, together %1 in 12 months; the chain with them: %2</source>
            <translation>
                <numerusform>%n pharmacy, together %1 in 12 months; the chain with them: %2</numerusform>
                <numerusform>%n pharmacies, together %1 in 12 months; the chain with them: %2</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RouteDialog</name>
        <message numerus="yes">
            <source>%n visit(s) without coordinates stay where they are.</source>
            <translation>
                <numerusform>%n visit without coordinates stays where it is.</numerusform>
                <numerusform>%n visits without coordinates stay where they are.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SubmitTexts</name>
        <message numerus="yes">
            <source>Submit %n report(s)? They will be sent to the manager at the next sync and cannot be edited afterwards.</source>
            <translation>
                <numerusform>Submit %n report? It will be sent to the manager at the next sync and cannot be edited afterwards.</numerusform>
                <numerusform>Submit %n reports? They will be sent to the manager at the next sync and cannot be edited afterwards.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n report(s) submitted; they will be sent to the manager at the next sync.</source>
            <translation>
                <numerusform>%n report submitted; it will be sent to the manager at the next sync.</numerusform>
                <numerusform>%n reports submitted; they will be sent to the manager at the next sync.</numerusform>
            </translation>
        </message>
    </context>
</TS>
