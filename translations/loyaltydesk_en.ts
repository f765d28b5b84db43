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
</TS>
