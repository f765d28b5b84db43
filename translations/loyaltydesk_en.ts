<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>LoyaltyDesk::Models::Format</name>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n minute ago</numerusform>
            <numerusform>%n minutes ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n hour ago</numerusform>
            <numerusform>%n hours ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LoyaltyDesk::Ui::AudienceDialog</name>
    <message numerus="yes">
        <source>%Ln customer(s)</source>
        <translation>
            <numerusform>%Ln customer</numerusform>
            <numerusform>%Ln customers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LoyaltyDesk::Ui::AudiencesPage</name>
    <message numerus="yes">
        <source>Created the audience “%1” with %Ln customer(s).</source>
        <translation>
            <numerusform>Created the audience “%1” with %Ln customer.</numerusform>
            <numerusform>Created the audience “%1” with %Ln customers.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete the audience “%1” and its list of %Ln customer(s)? The segment it came from stays.</source>
        <translation>
            <numerusform>Delete the audience “%1” and its list of %Ln customer? The segment it came from stays.</numerusform>
            <numerusform>Delete the audience “%1” and its list of %Ln customers? The segment it came from stays.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LoyaltyDesk::Ui::ProfilePage</name>
    <message numerus="yes">
        <source> (%n day(s))</source>
        <translation>
            <numerusform> (%n day)</numerusform>
            <numerusform> (%n days)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LoyaltyDesk::Ui::RfmPage</name>
    <message numerus="yes">
        <source>%Ln customer(s) with purchases scored %1; %2.</source>
        <translation>
            <numerusform>%Ln customer with purchases scored %1; %2.</numerusform>
            <numerusform>%Ln customers with purchases scored %1; %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Recency %2, frequency %3&lt;br&gt;%Ln customer(s), %4 of the scored&lt;br&gt;Purchases in the window: %5&lt;br&gt;&lt;i&gt;Click to see them&lt;/i&gt;</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Recency %2, frequency %3&lt;br&gt;%Ln customer, %4 of the scored&lt;br&gt;Purchases in the window: %5&lt;br&gt;&lt;i&gt;Click to see them&lt;/i&gt;</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Recency %2, frequency %3&lt;br&gt;%Ln customers, %4 of the scored&lt;br&gt;Purchases in the window: %5&lt;br&gt;&lt;i&gt;Click to see them&lt;/i&gt;</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LoyaltyDesk::Ui::SegmentEditor</name>
    <message numerus="yes">
        <source>every %n minute(s)</source>
        <translation>
            <numerusform>every %n minute</numerusform>
            <numerusform>every %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n hour(s)</source>
        <translation>
            <numerusform>every hour</numerusform>
            <numerusform>every %n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n day(s)</source>
        <translation>
            <numerusform>every day</numerusform>
            <numerusform>every %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s)</source>
        <translation>
            <numerusform>%n customer</numerusform>
            <numerusform>%n customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Counted in %n ms</source>
        <translation>
            <numerusform>Counted in %n ms</numerusform>
            <numerusform>Counted in %n ms</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LoyaltyDesk::Ui::SegmentsPage</name>
    <message numerus="yes">
        <source>Recalculated “%1”: %Ln customer(s) in %2.</source>
        <translation>
            <numerusform>Recalculated “%1”: %Ln customer in %2.</numerusform>
            <numerusform>Recalculated “%1”: %Ln customers in %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LoyaltyDesk::Ui::TemplateEditor</name>
    <message numerus="yes">
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n character</numerusform>
            <numerusform>%n characters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n segment(s)</source>
        <translation>
            <numerusform>%n segment</numerusform>
            <numerusform>%n segments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Most devices cut this after %n character(s).</source>
        <translation>
            <numerusform>Most devices cut this after %n character.</numerusform>
            <numerusform>Most devices cut this after %n characters.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>After merging: %n character(s)</source>
        <translation>
            <numerusform>After merging: %n character</numerusform>
            <numerusform>After merging: %n characters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LoyaltyDesk::Widgets::PagedView</name>
    <message numerus="yes">
        <source>%n row(s) shown; scroll down for more</source>
        <translation>
            <numerusform>%n row shown; scroll down for more</numerusform>
            <numerusform>%n rows shown; scroll down for more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LoyaltyDesk::Widgets::PurchasesChart</name>
    <message numerus="yes">
        <source>%n purchase(s) totalling %1</source>
        <translation>
            <numerusform>%n purchase totalling %1</numerusform>
            <numerusform>%n purchases totalling %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LoyaltyDesk::Widgets::RuleTexts</name>
    <message numerus="yes">
        <source>%1 (%n products)</source>
        <translation>
            <numerusform>%1 (%n product)</numerusform>
            <numerusform>%1 (%n products)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LoyaltyDesk::Widgets::Sparkline</name>
    <message numerus="yes">
        <source>%1, unchanged over the last %n run(s)</source>
        <translation>
            <numerusform>%1, unchanged over the last run</numerusform>
            <numerusform>%1, unchanged over the last %n runs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 → %2%3 over the last %n run(s)</source>
        <translation>
            <numerusform>%1 → %2%3 over the last run</numerusform>
            <numerusform>%1 → %2%3 over the last %n runs</numerusform>
        </translation>
    </message>
</context>
</TS>
