<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>LoyaltyDesk::Models::ApiClient</name>
    <message>
        <source>The username or password is wrong.</source>
        <translation>Неверное имя пользователя или пароль.</translation>
    </message>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation>Сеанс завершён. Войдите снова.</translation>
    </message>
    <message>
        <source>You do not have the permission to do this. Ask an administrator.</source>
        <translation>У вас нет права на это действие. Обратитесь к администратору.</translation>
    </message>
    <message>
        <source>Some fields are not filled in correctly.</source>
        <translation>Некоторые поля заполнены неверно.</translation>
    </message>
    <message>
        <source>This record does not exist (any more).</source>
        <translation>Такой записи нет (или она удалена).</translation>
    </message>
    <message>
        <source>This conflicts with another record.</source>
        <translation>Это противоречит другой записи.</translation>
    </message>
    <message>
        <source>Too many failed sign-in attempts. Wait a minute and try again.</source>
        <translation>Слишком много неудачных попыток входа. Подождите минуту и попробуйте снова.</translation>
    </message>
    <message>
        <source>The data sent is too large for the server.</source>
        <translation>Отправленные данные слишком велики для сервера.</translation>
    </message>
    <message>
        <source>The server at %1 did not answer in time.</source>
        <translation>Сервер %1 не ответил вовремя.</translation>
    </message>
    <message>
        <source>The server at %1 cannot be reached.</source>
        <translation>Сервер %1 недоступен.</translation>
    </message>
    <message>
        <source>The server sent an answer this version of LoyaltyDesk does not understand.</source>
        <translation>Сервер прислал ответ, который эта версия LoyaltyDesk не понимает.</translation>
    </message>
    <message>
        <source>The server answered with HTTP status %1.</source>
        <translation>Сервер ответил с HTTP-статусом %1.</translation>
    </message>
    <message>
        <source>line %1, column %2: %3</source>
        <translation>строка %1, столбец %2: %3</translation>
    </message>
    <message>
        <source>The download was cancelled.</source>
        <translation>Загрузка отменена.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Не удалось записать %1: %2</translation>
    </message>
</context>
<context>
    <name>LoyaltyDesk::Models::Columns</name>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>Nothing here yet.</source>
        <translation>Здесь пока ничего нет.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Карта</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Город</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Уровень</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Заказы</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Выручка</translation>
    </message>
    <message>
        <source>Last purchase</source>
        <translation>Последняя покупка</translation>
    </message>
    <message>
        <source>No customer matches. Try a phone number, e-mail, card or cheque number, or the start of a name.</source>
        <translation>Клиенты не найдены. Попробуйте телефон, e-mail, номер карты или чека либо начало имени.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Cheque</source>
        <translation>Чек</translation>
    </message>
    <message>
        <source>Point of sale</source>
        <translation>Точка продаж</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Скидка</translation>
    </message>
    <message>
        <source>Points earned</source>
        <translation>Начислено баллов</translation>
    </message>
    <message>
        <source>Points spent</source>
        <translation>Списано баллов</translation>
    </message>
    <message>
        <source>%1. %2 × %3 — %4</source>
        <translation>%1. %2 × %3 — %4</translation>
    </message>
    <message>
        <source>, SKU %1</source>
        <translation>, артикул %1</translation>
    </message>
    <message>
        <source>, %1</source>
        <translation>, %1</translation>
    </message>
    <message>
        <source>, discount %1</source>
        <translation>, скидка %1</translation>
    </message>
    <message>
        <source>, offer “%1”</source>
        <translation>, акция «%1»</translation>
    </message>
    <message>
        <source>No purchases match.</source>
        <translation>Покупок не найдено.</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Группа</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Выдана</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Заблокирована</translation>
    </message>
    <message>
        <source>Replaced card %1 on %2: %3</source>
        <translation>Заменила карту %1 — %2: %3</translation>
    </message>
    <message>
        <source>The customer has no cards.</source>
        <translation>У клиента нет карт.</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Счёт</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Валюта</translation>
    </message>
    <message>
        <source>Active points</source>
        <translation>Активные баллы</translation>
    </message>
    <message>
        <source>Pending points</source>
        <translation>Неактивные баллы</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Открыт</translation>
    </message>
    <message>
        <source>%1 points (%2)</source>
        <translation>%1 баллов (%2)</translation>
    </message>
    <message>
        <source>, activate on %1</source>
        <translation>, активация %1</translation>
    </message>
    <message>
        <source>, expire on %1</source>
        <translation>, сгорание %1</translation>
    </message>
    <message>
        <source>The customer has no bonus accounts.</source>
        <translation>У клиента нет бонусных счетов.</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Операция</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Баллы</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <source>Activates</source>
        <translation>Активация</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Сгорание</translation>
    </message>
    <message>
        <source>No bonus operations yet.</source>
        <translation>Бонусных операций пока нет.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Событие</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>No events or site visits recorded.</source>
        <translation>Событий и посещений сайта нет.</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Создано</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Кампания</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Получатель</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Обновлено</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>: %1</source>
        <translation>: %1</translation>
    </message>
    <message>
        <source>No messages were sent to this customer.</source>
        <translation>Этому клиенту сообщения не отправлялись.</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <source>Offer</source>
        <translation>Предложение</translation>
    </message>
    <message>
        <source>Redeemed</source>
        <translation>Погашен</translation>
    </message>
    <message>
        <source>No coupons were issued.</source>
        <translation>Купоны не выдавались.</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Направление</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Автор</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
    <message>
        <source>No support conversations.</source>
        <translation>Обращений в поддержку нет.</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Пользователь</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>No changes recorded.</source>
        <translation>Изменений не записано.</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Контакт</translation>
    </message>
    <message>
        <source>As entered</source>
        <translation>Как введён</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Корректен</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Подтверждён</translation>
    </message>
    <message>
        <source>Primary</source>
        <translation>Основной</translation>
    </message>
    <message>
        <source>No contacts.</source>
        <translation>Контактов нет.</translation>
    </message>
    <message>
        <source>Subscribed</source>
        <translation>Подписан</translation>
    </message>
    <message>
        <source>No consent changes recorded.</source>
        <translation>Изменений согласий не записано.</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Имя пользователя</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Роли</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Отключён</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>Последний вход</translation>
    </message>
    <message>
        <source>No users.</source>
        <translation>Пользователей нет.</translation>
    </message>
    <message>
        <source>Built in</source>
        <translation>Встроенная</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>Права</translation>
    </message>
    <message>
        <source>No roles.</source>
        <translation>Ролей нет.</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Сегмент</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Теги</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Клиенты</translation>
    </message>
    <message>
        <source>Share of base</source>
        <translation>Доля базы</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>Динамика</translation>
    </message>
    <message>
        <source>Recalculated</source>
        <translation>Пересчитан</translation>
    </message>
    <message>
        <source>Took</source>
        <translation>Длительность</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Расписание</translation>
    </message>
    <message>
        <source>No segments yet. Press New to describe your first group of customers.</source>
        <translation>Сегментов пока нет. Нажмите «Создать», чтобы описать первую группу клиентов.</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>Аудитория</translation>
    </message>
    <message>
        <source>Created from</source>
        <translation>Создана из</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Автор</translation>
    </message>
    <message>
        <source>No audiences yet. Create one from a segment to freeze its members for a campaign.</source>
        <translation>Аудиторий пока нет. Создайте аудиторию из сегмента, чтобы зафиксировать его состав для кампании.</translation>
    </message>
    <message>
        <source>Nobody here.</source>
        <translation>Здесь никого нет.</translation>
    </message>
</context>
<context>
    <name>LoyaltyDesk::Models::CustomerProfile</name>
    <message>
        <source>The server sent a profile without an id.</source>
        <translation>Сервер прислал профиль без идентификатора.</translation>
    </message>
</context>
<context>
    <name>LoyaltyDesk::Models::Format</name>
    <message>
        <source>just now</source>
        <translation>только что</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n минуту назад</numerusform>
            <numerusform>%n минуты назад</numerusform>
            <numerusform>%n минут назад</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n час назад</numerusform>
            <numerusform>%n часа назад</numerusform>
            <numerusform>%n часов назад</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n день назад</numerusform>
            <numerusform>%n дня назад</numerusform>
            <numerusform>%n дней назад</numerusform>
        </translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(без имени)</translation>
    </message>
    <message>
        <source>%1, %2 (%3)</source>
        <translation>%1, %2 (%3)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>female</source>
        <translation>женский</translation>
    </message>
    <message>
        <source>male</source>
        <translation>мужской</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>телефон</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>push</source>
        <translation>push</translation>
    </message>
    <message>
        <source>messenger</source>
        <translation>мессенджер</translation>
    </message>
    <message>
        <source>social network</source>
        <translation>соцсеть</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>проведён</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>отменён</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>ожидает</translation>
    </message>
    <message>
        <source>active</source>
        <translation>активна</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>заблокирована</translation>
    </message>
    <message>
        <source>replaced</source>
        <translation>заменена</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>сгорели</translation>
    </message>
    <message>
        <source>accrual</source>
        <translation>начисление</translation>
    </message>
    <message>
        <source>spend</source>
        <translation>списание</translation>
    </message>
    <message>
        <source>expiry</source>
        <translation>сгорание</translation>
    </message>
    <message>
        <source>activation</source>
        <translation>активация</translation>
    </message>
    <message>
        <source>refund</source>
        <translation>возврат</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>в очереди</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>отправлено</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>доставлено</translation>
    </message>
    <message>
        <source>opened</source>
        <translation>открыто</translation>
    </message>
    <message>
        <source>clicked</source>
        <translation>переход по ссылке</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>ошибка</translation>
    </message>
    <message>
        <source>bounced</source>
        <translation>не доставлено</translation>
    </message>
    <message>
        <source>from customer</source>
        <translation>от клиента</translation>
    </message>
    <message>
        <source>to customer</source>
        <translation>клиенту</translation>
    </message>
    <message>
        <source>physical</source>
        <translation>пластиковая</translation>
    </message>
    <message>
        <source>virtual</source>
        <translation>виртуальная</translation>
    </message>
    <message>
        <source>plastic</source>
        <translation>пластиковая</translation>
    </message>
    <message>
        <source>points</source>
        <translation>баллы</translation>
    </message>
    <message>
        <source>site visit</source>
        <translation>посещение сайта</translation>
    </message>
    <message>
        <source>product view</source>
        <translation>просмотр товара</translation>
    </message>
    <message>
        <source>added to cart</source>
        <translation>добавление в корзину</translation>
    </message>
    <message>
        <source>registration</source>
        <translation>регистрация</translation>
    </message>
    <message>
        <source>unsubscribe link</source>
        <translation>ссылка отписки</translation>
    </message>
    <message>
        <source>unsubscribed</source>
        <translation>отписка</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>under 1 ms</source>
        <translation>менее 1 мс</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 мс</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 с</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 мин %2 с</translation>
    </message>
    <message>
        <source>every %1 min</source>
        <translation>раз в %1 мин</translation>
    </message>
    <message>
        <source>every %1 h</source>
        <translation>раз в %1 ч</translation>
    </message>
</context>
<context>
    <name>LoyaltyDesk::Models::LocalCache</name>
    <message>
        <source>The local cache %1 cannot be opened: %2</source>
        <translation>Не удаётся открыть локальный кэш %1: %2</translation>
    </message>
    <message>
        <source>The local cache %1 cannot be prepared: %2</source>
        <translation>Не удаётся подготовить локальный кэш %1: %2</translation>
    </message>
    <message>
        <source>The local cache cannot be written: %1</source>
        <translation>Не удаётся записать в локальный кэш: %1</translation>
    </message>
    <message>
        <source>A draft cannot be kept: %1</source>
        <translation>Не удаётся сохранить черновик: %1</translation>
    </message>
</context>
<context>
    <name>LoyaltyDesk::Models::Session</name>
    <message>
        <source>The server sent an answer this version of LoyaltyDesk does not understand.</source>
        <translation>Сервер прислал ответ, который эта версия LoyaltyDesk не понимает.</translation>
    </message>
    <message>
        <source>The server did not send a session token.</source>
        <translation>Сервер не прислал токен сеанса.</translation>
    </message>
</context>
<context>
    <name>LoyaltyDesk::Ui::AdminPage</name>
    <message>
        <source>Administration</source>
        <translation>Администрирование</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Пользователи</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Роли</translation>
    </message>
    <message>
        <source>&amp;New user…</source>
        <translation>&amp;Новый пользователь…</translation>
    </message>
    <message>
        <source>&amp;Disable / enable</source>
        <translation>&amp;Отключить / включить</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Об&amp;новить</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Каналы</translation>
    </message>
</context>
<context>
    <name>LoyaltyDesk::Ui::AudienceDialog</name>
    <message>
        <source>New audience from a segment</source>
        <translation>Новая аудитория из сегмента</translation>
    </message>
    <message>
        <source>For example: newsletter, spring</source>
        <translation>Например: рассылка, весна</translation>
    </message>
    <message>
        <source>Loading segments…</source>
        <translation>Загрузка сегментов…</translation>
    </message>
    <message>
        <source>The audience keeps the customers who are in the segment now. Customers who qualify later do not join it.</source>
        <translation>Аудитория сохраняет клиентов, которые входят в сегмент сейчас. Клиенты, подошедшие позже, в неё не попадут.</translation>
    </message>
    <message>
        <source>Segment:</source>
        <translation>Сегмент:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>Теги:</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Создать</translation>
    </message>
    <message>
        <source>not calculated yet</source>
        <translation>ещё не рассчитан</translation>
    </message>
    <message>
        <source>There are no segments yet. Create a segment first.</source>
        <translation>Сегментов пока нет. Сначала создайте сегмент.</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s)</source>
        <translation>
            <numerusform>%Ln клиент</numerusform>
            <numerusform>%Ln клиента</numerusform>
            <numerusform>%Ln клиентов</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LoyaltyDesk::Ui::AudiencesPage</name>
    <message>
        <source>Select an audience to see its members.</source>
        <translation>Выберите аудиторию, чтобы увидеть её состав.</translation>
    </message>
    <message>
        <source>Members of “%1”, frozen on %2</source>
        <translation>Состав «%1», зафиксированный %2</translation>
    </message>
    <message>
        <source>Delete audience</source>
        <translation>Удаление аудитории</translation>
    </message>
    <message>
        <source>Deleted “%1”.</source>
        <translation>«%1» удалена.</translation>
    </message>
    <message>
        <source>“%1” was not deleted.</source>
        <translation>«%1» не удалена.</translation>
    </message>
    <message>
        <source>Audiences</source>
        <translation>Аудитории</translation>
    </message>
    <message>
        <source>An audience freezes who is in a segment at one moment, so that a campaign reaches exactly those customers.</source>
        <translation>Аудитория фиксирует состав сегмента на один момент, чтобы кампания дошла именно до этих клиентов.</translation>
    </message>
    <message>
        <source>New from segment…</source>
        <translation>Создать из сегмента…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Экспорт в CSV…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>Loading audiences…</source>
        <translation>Загрузка аудиторий…</translation>
    </message>
    <message numerus="yes">
        <source>Created the audience “%1” with %Ln customer(s).</source>
        <translation>
            <numerusform>Создана аудитория «%1»: %Ln клиент.</numerusform>
            <numerusform>Создана аудитория «%1»: %Ln клиента.</numerusform>
            <numerusform>Создана аудитория «%1»: %Ln клиентов.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete the audience “%1” and its list of %Ln customer(s)? The segment it came from stays.</source>
        <translation>
            <numerusform>Удалить аудиторию «%1» и её список из %Ln клиента? Сегмент, из которого она создана, останется.</numerusform>
            <numerusform>Удалить аудиторию «%1» и её список из %Ln клиентов? Сегмент, из которого она создана, останется.</numerusform>
            <numerusform>Удалить аудиторию «%1» и её список из %Ln клиентов? Сегмент, из которого она создана, останется.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LoyaltyDesk::Ui::ChannelSettingsPage</name>
    <message>
        <source>Delivery</source>
        <translation>Доставка</translation>
    </message>
    <message>
        <source>Rate limit:</source>
        <translation>Ограничение скорости:</translation>
    </message>
    <message>
        <source>SMTP server</source>
        <translation>SMTP-сервер</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Сервер:</translation>
    </message>
    <message>
        <source>Security:</source>
        <translation>Защита:</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Имя пользователя:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Пароль:</translation>
    </message>
    <message>
        <source>Timeout:</source>
        <translation>Тайм-аут:</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Отправитель</translation>
    </message>
    <message>
        <source>From address:</source>
        <translation>Адрес отправителя:</translation>
    </message>
    <message>
        <source>From name:</source>
        <translation>Имя отправителя:</translation>
    </message>
    <message>
        <source>Reply-To:</source>
        <translation>Адрес для ответа:</translation>
    </message>
    <message>
        <source>Tracking and unsubscribe</source>
        <translation>Отслеживание и отписка</translation>
    </message>
    <message>
        <source>Public address:</source>
        <translation>Публичный адрес:</translation>
    </message>
    <message>
        <source>Opens:</source>
        <translation>Открытия:</translation>
    </message>
    <message>
        <source>Clicks:</source>
        <translation>Переходы:</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Провайдер</translation>
    </message>
    <message>
        <source>URL:</source>
        <translation>URL:</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>Метод:</translation>
    </message>
    <message>
        <source>Authorization header:</source>
        <translation>Заголовок авторизации:</translation>
    </message>
    <message>
        <source>Request and response</source>
        <translation>Запрос и ответ</translation>
    </message>
    <message>
        <source>Body template:</source>
        <translation>Шаблон тела:</translation>
    </message>
    <message>
        <source>Sent when:</source>
        <translation>Отправлено, если:</translation>
    </message>
    <message>
        <source>Invalid recipient when:</source>
        <translation>Получатель недействителен, если:</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Сохранение…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Сохранено.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Подключение…</translation>
    </message>
    <message>
        <source>Connection works: %1</source>
        <translation>Подключение работает: %1</translation>
    </message>
    <message>
        <source>Connection failed: %1</source>
        <translation>Подключиться не удалось: %1</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Каналы</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Сохранить</translation>
    </message>
    <message>
        <source>Save this channel&apos;s settings (%1)</source>
        <translation>Сохранить настройки этого канала (%1)</translation>
    </message>
    <message>
        <source>&amp;Check connection</source>
        <translation>&amp;Проверить подключение</translation>
    </message>
    <message>
        <source>Save, then connect to the server or provider with these settings (%1)</source>
        <translation>Сохранить и подключиться к серверу или провайдеру с этими настройками (%1)</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>&amp;Отменить изменения</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Электронная почта</translation>
    </message>
    <message>
        <source>Sent over SMTP as HTML with a plain-text part. Opens and clicks are tracked through this server&apos;s public address, where the unsubscribe link also points.</source>
        <translation>Отправляется по SMTP в HTML с текстовой версией. Открытия и переходы отслеживаются через публичный адрес этого сервера; туда же ведёт ссылка отписки.</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Sent through your SMS provider&apos;s HTTP API: the body template turns each message into the JSON the provider expects.</source>
        <translation>Отправляется через HTTP API вашего SMS-провайдера: шаблон тела превращает каждое сообщение в JSON, который ждёт провайдер.</translation>
    </message>
    <message>
        <source>Push notifications</source>
        <translation>Push-уведомления</translation>
    </message>
    <message>
        <source>Sent through your push provider&apos;s HTTP API to the customer&apos;s device token.</source>
        <translation>Отправляется через HTTP API вашего push-провайдера на токен устройства клиента.</translation>
    </message>
    <message>
        <source>Messengers</source>
        <translation>Мессенджеры</translation>
    </message>
    <message>
        <source>Sent through your messenger gateway&apos;s HTTP API to the customer&apos;s phone number.</source>
        <translation>Отправляется через HTTP API шлюза мессенджеров на номер телефона клиента.</translation>
    </message>
    <message>
        <source>In-app messages</source>
        <translation>Сообщения в приложении</translation>
    </message>
    <message>
        <source>Shown inside your app when the customer opens it; there is nothing to connect to.</source>
        <translation>Показываются в вашем приложении, когда клиент его открывает; подключаться не к чему.</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Включён</translation>
    </message>
    <message>
        <source> per second</source>
        <translation> в секунду</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Без ограничения</translation>
    </message>
    <message>
        <source>None (plain text)</source>
        <translation>Нет (открытый текст)</translation>
    </message>
    <message>
        <source>STARTTLS (required)</source>
        <translation>STARTTLS (обязательно)</translation>
    </message>
    <message>
        <source>TLS from the start (smtps)</source>
        <translation>TLS с самого начала (smtps)</translation>
    </message>
    <message>
        <source>Track opens with an invisible image</source>
        <translation>Отслеживать открытия невидимой картинкой</translation>
    </message>
    <message>
        <source>Track clicks by sending links through this server</source>
        <translation>Отслеживать переходы, пропуская ссылки через этот сервер</translation>
    </message>
    <message>
        <source>Liquid that produces the JSON body. Variables: to, text, title, body, deep_link, image, message_id (escaped for JSON strings).</source>
        <translation>Liquid, который строит JSON-тело запроса. Переменные: to, text, title, body, deep_link, image, message_id (экранируются для строк JSON).</translation>
    </message>
    <message>
        <source>HTTP statuses, e.g. 200, 202</source>
        <translation>Коды HTTP, например 200, 202</translation>
    </message>
    <message>
        <source>HTTP statuses, e.g. 400, 404</source>
        <translation>Коды HTTP, например 400, 404</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Сохранён</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Не задан</translation>
    </message>
    <message>
        <source>Saved — type to replace</source>
        <translation>Сохранён — введите, чтобы заменить</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <source>Authorization: Bearer …</source>
        <translation>Authorization: Bearer …</translation>
    </message>
    <message>
        <source>Check cancelled.</source>
        <translation>Проверка отменена.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Stop waiting for the server (Esc)</source>
        <translation>Перестать ждать ответа сервера (Esc)</translation>
    </message>
</context>
<context>
    <name>LoyaltyDesk::Ui::CustomersPage</name>
    <message>
        <source>Find a customer</source>
        <translation>Поиск клиента</translation>
    </message>
    <message>
        <source>Type a phone number in any format, an e-mail, a card or cheque number, or the start of a name. Press Down to move to the results and Enter to open a profile.</source>
        <translation>Введите телефон в любом формате, e-mail, номер карты или чека либо начало имени. Стрелка вниз — к результатам, Enter — открыть профиль.</translation>
    </message>
    <message>
        <source>Results appear here as you type.</source>
        <translation>Результаты появляются по мере ввода.</translation>
    </message>
</context>
<context>
    <name>LoyaltyDesk::Ui::ListPage</name>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Export members</source>
        <translation>Экспорт состава</translation>
    </message>
    <message>
        <source>Saved the members of “%1” to %2.</source>
        <translation>Состав «%1» сохранён в %2.</translation>
    </message>
</context>
<context>
    <name>LoyaltyDesk::Ui::LoginDialog</name>
    <message>
        <source>Enter the server address, for example http://crm.example.com:8080.</source>
        <translation>Введите адрес сервера, например http://crm.example.com:8080.</translation>
    </message>
    <message>
        <source>Enter your username.</source>
        <translation>Введите имя пользователя.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Введите пароль.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Вход…</translation>
    </message>
    <message>
        <source>The server at %1 cannot be reached. Check the address and your network connection.</source>
        <translation>Сервер %1 недоступен. Проверьте адрес и подключение к сети.</translation>
    </message>
    <message>
        <source>The username or password is wrong.</source>
        <translation>Неверное имя пользователя или пароль.</translation>
    </message>
    <message>
        <source>Sign in — LoyaltyDesk</source>
        <translation>Вход — LoyaltyDesk</translation>
    </message>
    <message>
        <source>Session expired — LoyaltyDesk</source>
        <translation>Сеанс истёк — LoyaltyDesk</translation>
    </message>
    <message>
        <source>LoyaltyDesk</source>
        <translation>LoyaltyDesk</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Войдите снова</translation>
    </message>
    <message>
        <source>Loyalty program workstation</source>
        <translation>Рабочее место программы лояльности</translation>
    </message>
    <message>
        <source>Your session has ended. Enter your password to continue; nothing you typed is lost.</source>
        <translation>Сеанс завершён. Введите пароль, чтобы продолжить; всё введённое сохранится.</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Сервер:</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Пользователь:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>П&amp;ароль:</translation>
    </message>
    <message>
        <source>http://crm.example.com:8080</source>
        <translation>http://crm.example.com:8080</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Войти</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Выйти</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>LoyaltyDesk::Ui::MainWindow</name>
    <message>
        <source>Customers</source>
        <translation>Клиенты</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Администрирование</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Сервер: %1</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2)</source>
        <translation>Пользователь: %1 (%2)</translation>
    </message>
    <message>
        <source>● Online</source>
        <translation>● В сети</translation>
    </message>
    <message>
        <source>● Offline — read-only, reconnecting…</source>
        <translation>● Нет связи — только чтение, переподключение…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>About LoyaltyDesk</source>
        <translation>О программе LoyaltyDesk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;LoyaltyDesk %1&lt;/h3&gt;&lt;p&gt;Loyalty program CRM workstation: customers, their 360° profile, purchases, bonuses and communications.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;LoyaltyDesk %1&lt;/h3&gt;&lt;p&gt;Рабочее место CRM программы лояльности: клиенты, их профиль 360°, покупки, бонусы и коммуникации.&lt;/p&gt;&lt;p&gt;Собрано с Qt %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <source>LoyaltyDesk</source>
        <translation>LoyaltyDesk</translation>
    </message>
    <message>
        <source>Your role gives you no sections in this version of the workstation. Ask an administrator.</source>
        <translation>Ваша роль не открывает ни одного раздела в этой версии рабочего места. Обратитесь к администратору.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Переход</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;Find customer…</source>
        <translation>&amp;Найти клиента…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Выйти из учётной записи</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <source>&amp;About LoyaltyDesk</source>
        <translation>&amp;О программе LoyaltyDesk</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Сочетания клавиш</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Сообщения</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>Сегменты</translation>
    </message>
    <message>
        <source>RFM analysis</source>
        <translation>RFM-анализ</translation>
    </message>
    <message>
        <source>Audiences</source>
        <translation>Аудитории</translation>
    </message>
    <message>
        <source>&lt;table cellpadding=&apos;3&apos;&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+F&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Find a customer (from anywhere)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Down&lt;/b&gt;&lt;/td&gt;&lt;td&gt;From the search box to the results&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Enter&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Open the selected customer&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Alt+Left&lt;/b&gt;, &lt;b&gt;Esc&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Back to the results&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Tab&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Next profile tab&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+S&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Save the profile&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+N&lt;/b&gt;&lt;/td&gt;&lt;td&gt;New message template, segment or audience (in the section shown)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+T&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Test send of the open template&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Z&lt;/b&gt;, &lt;b&gt;Ctrl+Shift+Z&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Undo, redo in the template editor&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+D&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Duplicate the segment&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+R&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Recalculate the segment or RFM&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+E&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Export members to CSV&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Del&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Delete the segment or audience&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F5&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Refresh the list&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+1…9&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Go to a section&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+,&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Settings&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;table cellpadding=&apos;3&apos;&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+F&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Поиск клиента (откуда угодно)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Вниз&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Из строки поиска к результатам&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Enter&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Открыть выбранного клиента&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Alt+Влево&lt;/b&gt;, &lt;b&gt;Esc&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Назад к результатам&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Tab&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Следующая вкладка профиля&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+S&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Сохранить профиль&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+N&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Новый шаблон сообщения, сегмент или аудитория (в открытом разделе)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+T&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Тестовая отправка открытого шаблона&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Z&lt;/b&gt;, &lt;b&gt;Ctrl+Shift+Z&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Отменить, повторить в редакторе шаблона&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+D&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Копия сегмента&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+R&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Пересчитать сегмент или RFM&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+E&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Экспорт состава в CSV&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Del&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Удалить сегмент или аудиторию&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F5&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Обновить список&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+1…9&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Перейти к разделу&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+,&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Настройки&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
</context>
<context>
    <name>LoyaltyDesk::Ui::MembersList</name>
    <message>
        <source>Stop waiting</source>
        <translation>Не ждать</translation>
    </message>
    <message>
        <source>Please wait</source>
        <translation>Подождите</translation>
    </message>
    <message>
        <source>Export members</source>
        <translation>Экспорт состава</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <source>Saving %1…</source>
        <translation>Сохранение %1…</translation>
    </message>
</context>
<context>
    <name>LoyaltyDesk::Ui::NewUserDialog</name>
    <message>
        <source>New user</source>
        <translation>Новый пользователь</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Пользователь:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Имя:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>П&amp;ароль:</translation>
    </message>
    <message>
        <source>Roles:</source>
        <translation>Роли:</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Создать</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>LoyaltyDesk::Ui::ProfileEditor</name>
    <message>
        <source>&amp;Last name:</source>
        <translation>&amp;Фамилия:</translation>
    </message>
    <message>
        <source>&amp;First name:</source>
        <translation>&amp;Имя:</translation>
    </message>
    <message>
        <source>&amp;Middle name:</source>
        <translation>&amp;Отчество:</translation>
    </message>
    <message>
        <source>Gender:</source>
        <translation>Пол:</translation>
    </message>
    <message>
        <source>&amp;Birth date:</source>
        <translation>&amp;Дата рождения:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Телефон:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail:</translation>
    </message>
    <message>
        <source>C&amp;ity:</source>
        <translation>&amp;Город:</translation>
    </message>
    <message>
        <source>A&amp;ddress:</source>
        <translation>&amp;Адрес:</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>&amp;Часовой пояс:</translation>
    </message>
    <message>
        <source>S&amp;ource:</source>
        <translation>И&amp;сточник:</translation>
    </message>
    <message>
        <source>Preferred &amp;categories:</source>
        <translation>Любимые &amp;категории:</translation>
    </message>
    <message>
        <source>Children:</source>
        <translation>Дети:</translation>
    </message>
    <message>
        <source>Pets:</source>
        <translation>Питомцы:</translation>
    </message>
    <message>
        <source>Not specified</source>
        <translation>Не указан</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Женский</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Мужской</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>ГГГГ-ММ-ДД</translation>
    </message>
    <message>
        <source>+7 916 123-45-67</source>
        <translation>+7 916 123-45-67</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. dairy, bakery</source>
        <translation>Через запятую, например: молочное, выпечка</translation>
    </message>
    <message>
        <source>e.g. Europe/Moscow</source>
        <translation>например, Europe/Moscow</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>Атрибут</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <source>Custom fields:</source>
        <translation>Дополнительные поля:</translation>
    </message>
    <message>
        <source>&amp;Add field</source>
        <translation>&amp;Добавить поле</translation>
    </message>
    <message>
        <source>Remo&amp;ve field</source>
        <translation>&amp;Удалить поле</translation>
    </message>
    <message>
        <source>&amp;Save changes</source>
        <translation>&amp;Сохранить изменения</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>&amp;Отменить изменения</translation>
    </message>
    <message>
        <source>Save the changes (Ctrl+S). The change is recorded in the customer&apos;s audit log.</source>
        <translation>Сохранить изменения (Ctrl+S). Изменение записывается в журнал аудита клиента.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Сохранение…</translation>
    </message>
    <message>
        <source>Saved. The change is recorded in the audit log.</source>
        <translation>Сохранено. Изменение записано в журнал аудита.</translation>
    </message>
</context>
<context>
    <name>LoyaltyDesk::Ui::ProfilePage</name>
    <message>
        <source>Profile</source>
        <translation>Профиль</translation>
    </message>
    <message>
        <source>Contacts &amp;&amp; subscriptions</source>
        <translation>Контакты и подписки</translation>
    </message>
    <message>
        <source>Cards &amp;&amp; accounts</source>
        <translation>Карты и счета</translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation>Покупки</translation>
    </message>
    <message>
        <source>Bonus history</source>
        <translation>История бонусов</translation>
    </message>
    <message>
        <source>Events &amp;&amp; site visits</source>
        <translation>События и посещения сайта</translation>
    </message>
    <message>
        <source>Communications</source>
        <translation>Коммуникации</translation>
    </message>
    <message>
        <source>Coupons</source>
        <translation>Купоны</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Поддержка</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Аудит</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>The profile could not be opened</source>
        <translation>Не удалось открыть профиль</translation>
    </message>
    <message>
        <source>Loyalty tier</source>
        <translation>Уровень в программе лояльности</translation>
    </message>
    <message>
        <source>Card %1</source>
        <translation>Карта %1</translation>
    </message>
    <message>
        <source>Offline copy, saved %1</source>
        <translation>Сохранённая копия, %1</translation>
    </message>
    <message>
        <source>+%1 / −%2</source>
        <translation>+%1 / −%2</translation>
    </message>
    <message>
        <source>never</source>
        <translation>не было</translation>
    </message>
    <message numerus="yes">
        <source> (%n day(s))</source>
        <translation>
            <numerusform> (%n день)</numerusform>
            <numerusform> (%n дня)</numerusform>
            <numerusform> (%n дней)</numerusform>
        </translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>неизвестно</translation>
    </message>
    <message>
        <source>No confirmed contacts</source>
        <translation>Нет подтверждённых контактов</translation>
    </message>
    <message>
        <source>Confirmed: %1</source>
        <translation>Подтверждены: %1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Сохранение…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Сохранено.</translation>
    </message>
    <message>
        <source>← Results</source>
        <translation>← Результаты</translation>
    </message>
    <message>
        <source>Back to the search results (Alt+Left)</source>
        <translation>Назад к результатам поиска (Alt+Влево)</translation>
    </message>
    <message>
        <source>Active points</source>
        <translation>Активные баллы</translation>
    </message>
    <message>
        <source>Pending points</source>
        <translation>Неактивные баллы</translation>
    </message>
    <message>
        <source>Next 30 days</source>
        <translation>Ближайшие 30 дней</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Заказы</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Выручка</translation>
    </message>
    <message>
        <source>Average order</source>
        <translation>Средний чек</translation>
    </message>
    <message>
        <source>Last purchase</source>
        <translation>Последняя покупка</translation>
    </message>
    <message>
        <source>Customer&apos;s local time</source>
        <translation>Местное время клиента</translation>
    </message>
    <message>
        <source>Points that activate / expire within 30 days</source>
        <translation>Баллы, которые активируются / сгорят в ближайшие 30 дней</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Контакты</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>Подписки</translation>
    </message>
    <message>
        <source>Consent history</source>
        <translation>История согласий</translation>
    </message>
    <message>
        <source>Cards and replacement history</source>
        <translation>Карты и история замен</translation>
    </message>
    <message>
        <source>Bonus accounts: points activating and expiring</source>
        <translation>Бонусные счета: активация и сгорание баллов</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Push</source>
        <translation>Push</translation>
    </message>
    <message>
        <source>Messenger</source>
        <translation>Мессенджер</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;С:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;По:</translation>
    </message>
    <message>
        <source>P&amp;OS:</source>
        <translation>&amp;Точка:</translation>
    </message>
    <message>
        <source>C&amp;heque:</source>
        <translation>&amp;Чек:</translation>
    </message>
    <message>
        <source>C&amp;ard:</source>
        <translation>К&amp;арта:</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>ГГГГ-ММ-ДД</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Применить</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Сбросить</translation>
    </message>
    <message>
        <source>Event &amp;type:</source>
        <translation>&amp;Тип события:</translation>
    </message>
    <message>
        <source>e.g. site_visit; Enter to filter</source>
        <translation>например, site_visit; Enter — отфильтровать</translation>
    </message>
    <message>
        <source>Champions</source>
        <translation>Чемпионы</translation>
    </message>
    <message>
        <source>Loyal</source>
        <translation>Лояльные</translation>
    </message>
    <message>
        <source>Potential loyalists</source>
        <translation>Потенциально лояльные</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Новые</translation>
    </message>
    <message>
        <source>Promising</source>
        <translation>Перспективные</translation>
    </message>
    <message>
        <source>Need attention</source>
        <translation>Требуют внимания</translation>
    </message>
    <message>
        <source>About to sleep</source>
        <translation>Засыпающие</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>В зоне риска</translation>
    </message>
    <message>
        <source>Can&apos;t lose them</source>
        <translation>Нельзя потерять</translation>
    </message>
    <message>
        <source>Hibernating</source>
        <translation>Спящие</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Потерянные</translation>
    </message>
    <message>
        <source>RFM group: recency, frequency and monetary value of the customer&apos;s purchases</source>
        <translation>RFM-группа: давность, частота и сумма покупок клиента</translation>
    </message>
</context>
<context>
    <name>LoyaltyDesk::Ui::RfmPage</name>
    <message>
        <source>Offline: the copy saved %1.</source>
        <translation>Нет связи: копия, сохранённая %1.</translation>
    </message>
    <message>
        <source>scored by thresholds</source>
        <translation>оценки по порогам</translation>
    </message>
    <message>
        <source>scored by quintiles</source>
        <translation>оценки по квинтилям</translation>
    </message>
    <message>
        <source>purchases of the last %1 days, %2</source>
        <translation>покупки за последние %1 дн., %2</translation>
    </message>
    <message>
        <source>Nobody has been scored yet. Recalculate to score every customer with a purchase.</source>
        <translation>Оценок пока нет. Нажмите «Пересчитать», чтобы оценить всех клиентов с покупками.</translation>
    </message>
    <message>
        <source>Click a bar to see the customers of that group</source>
        <translation>Щёлкните столбец, чтобы увидеть клиентов этой группы</translation>
    </message>
    <message>
        <source>Customers by group</source>
        <translation>Клиенты по группам</translation>
    </message>
    <message>
        <source>customers</source>
        <translation>клиенты</translation>
    </message>
    <message>
        <source>Revenue by group</source>
        <translation>Выручка по группам</translation>
    </message>
    <message>
        <source>million ₽, all time</source>
        <translation>млн ₽, за всё время</translation>
    </message>
    <message>
        <source>thousand ₽, all time</source>
        <translation>тыс. ₽, за всё время</translation>
    </message>
    <message>
        <source>Recency %1, frequency %2</source>
        <translation>Давность %1, частота %2</translation>
    </message>
    <message>
        <source>Group “%1”</source>
        <translation>Группа «%1»</translation>
    </message>
    <message>
        <source>Scoring every customer with a purchase…</source>
        <translation>Оцениваем всех клиентов с покупками…</translation>
    </message>
    <message>
        <source>Recalculate RFM</source>
        <translation>Пересчёт RFM</translation>
    </message>
    <message>
        <source>Click a cell of the heat map or a bar to see its customers.</source>
        <translation>Щёлкните клетку тепловой карты или столбец, чтобы увидеть клиентов.</translation>
    </message>
    <message>
        <source>RFM settings</source>
        <translation>Настройки RFM</translation>
    </message>
    <message>
        <source>The settings are saved. Score the customers with them now?</source>
        <translation>Настройки сохранены. Пересчитать оценки клиентов сейчас?</translation>
    </message>
    <message>
        <source>RFM analysis</source>
        <translation>RFM-анализ</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Настройки…</translation>
    </message>
    <message>
        <source>Recalculate</source>
        <translation>Пересчитать</translation>
    </message>
    <message>
        <source>Score every customer now (Ctrl+R)</source>
        <translation>Оценить всех клиентов сейчас (Ctrl+R)</translation>
    </message>
    <message>
        <source>Customers by recency and frequency</source>
        <translation>Клиенты по давности и частоте покупок</translation>
    </message>
    <message>
        <source>Recency: 5 = bought recently</source>
        <translation>Давность: 5 = покупали недавно</translation>
    </message>
    <message>
        <source>Frequency: 5 = buys most often</source>
        <translation>Частота: 5 = покупают чаще всех</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s) with purchases scored %1; %2.</source>
        <translation>
            <numerusform>%Ln клиент с покупками оценён %1; %2.</numerusform>
            <numerusform>%Ln клиента с покупками оценены %1; %2.</numerusform>
            <numerusform>%Ln клиентов с покупками оценены %1; %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Recency %2, frequency %3&lt;br&gt;%Ln customer(s), %4 of the scored&lt;br&gt;Purchases in the window: %5&lt;br&gt;&lt;i&gt;Click to see them&lt;/i&gt;</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Давность %2, частота %3&lt;br&gt;%Ln клиент, %4 оценённых&lt;br&gt;Покупки за период: %5&lt;br&gt;&lt;i&gt;Щёлкните, чтобы увидеть их&lt;/i&gt;</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Давность %2, частота %3&lt;br&gt;%Ln клиента, %4 оценённых&lt;br&gt;Покупки за период: %5&lt;br&gt;&lt;i&gt;Щёлкните, чтобы увидеть их&lt;/i&gt;</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Давность %2, частота %3&lt;br&gt;%Ln клиентов, %4 оценённых&lt;br&gt;Покупки за период: %5&lt;br&gt;&lt;i&gt;Щёлкните, чтобы увидеть их&lt;/i&gt;</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LoyaltyDesk::Ui::RfmSettingsDialog</name>
    <message>
        <source>RFM settings</source>
        <translation>Настройки RFM</translation>
    </message>
    <message>
        <source> days</source>
        <translation> дн.</translation>
    </message>
    <message>
        <source>Quintiles: five equal fifths of the buyers</source>
        <translation>Квинтили: пять равных пятых покупателей</translation>
    </message>
    <message>
        <source>Thresholds: fixed boundaries</source>
        <translation>Пороги: фиксированные границы</translation>
    </message>
    <message>
        <source>Each measure gets a score of 1 to 5. With thresholds, give the four boundaries of scores 2, 3, 4 and 5, separated by commas: recency in days since the last purchase (fewer is better), the number of purchases and their sum in roubles in the window.</source>
        <translation>Каждый показатель получает оценку от 1 до 5. Для порогов укажите через запятую четыре границы оценок 2, 3, 4 и 5: давность — дни с последней покупки (меньше — лучше), частоту — число покупок и сумму покупок в рублях за период.</translation>
    </message>
    <message>
        <source>Window:</source>
        <translation>Период:</translation>
    </message>
    <message>
        <source>Scoring:</source>
        <translation>Оценка:</translation>
    </message>
    <message>
        <source>Recency, days:</source>
        <translation>Давность, дни:</translation>
    </message>
    <message>
        <source>Frequency, purchases:</source>
        <translation>Частота, покупки:</translation>
    </message>
    <message>
        <source>Monetary, ₽:</source>
        <translation>Сумма, ₽:</translation>
    </message>
</context>
<context>
    <name>LoyaltyDesk::Ui::SegmentEditor</name>
    <message>
        <source>Fix the conditions marked in red to see the count.</source>
        <translation>Исправьте условия, отмеченные красным, чтобы увидеть подсчёт.</translation>
    </message>
    <message>
        <source>Offline: the count needs the server. It resumes when the connection is back.</source>
        <translation>Нет связи: для подсчёта нужен сервер. Подсчёт возобновится, когда связь вернётся.</translation>
    </message>
    <message>
        <source>The list of fields could not be loaded: %1</source>
        <translation>Не удалось загрузить список полей: %1</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Название:</translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation>&amp;Метки:</translation>
    </message>
    <message>
        <source>&amp;Recalculate:</source>
        <translation>&amp;Пересчитывать:</translation>
    </message>
    <message>
        <source>e.g. Loyal buyers of oral care</source>
        <translation>например, Лояльные покупатели товаров для ухода за полостью рта</translation>
    </message>
    <message>
        <source>Add a tag, press Enter</source>
        <translation>Добавьте метку и нажмите Enter</translation>
    </message>
    <message numerus="yes">
        <source>every %n minute(s)</source>
        <translation>
            <numerusform>каждую %n минуту</numerusform>
            <numerusform>каждые %n минуты</numerusform>
            <numerusform>каждые %n минут</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n hour(s)</source>
        <translation>
            <numerusform>каждый %n час</numerusform>
            <numerusform>каждые %n часа</numerusform>
            <numerusform>каждые %n часов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n day(s)</source>
        <translation>
            <numerusform>каждый %n день</numerusform>
            <numerusform>каждые %n дня</numerusform>
            <numerusform>каждые %n дней</numerusform>
        </translation>
    </message>
    <message>
        <source>once a week</source>
        <translation>раз в неделю</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Сохранить</translation>
    </message>
    <message>
        <source>Save the segment (Ctrl+S)</source>
        <translation>Сохранить сегмент (Ctrl+S)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Customers in the segment</source>
        <translation>Клиентов в сегменте</translation>
    </message>
    <message>
        <source>Average receipt</source>
        <translation>Средний чек</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Выручка</translation>
    </message>
    <message>
        <source>Revenue per customer</source>
        <translation>Выручка на клиента</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s)</source>
        <translation>
            <numerusform>%n клиент</numerusform>
            <numerusform>%n клиента</numerusform>
            <numerusform>%n клиентов</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>The segment could not be opened: %1</source>
        <translation>Не удалось открыть сегмент: %1</translation>
    </message>
    <message>
        <source>Offline: showing the copy from %1; saving needs the server.</source>
        <translation>Нет связи: показана копия от %1; для сохранения нужен сервер.</translation>
    </message>
    <message>
        <source>New segment</source>
        <translation>Новый сегмент</translation>
    </message>
    <message>
        <source>Segment %1</source>
        <translation>Сегмент %1</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>Undo: %1 (Ctrl+Z)</source>
        <translation>Отменить: %1 (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>Нечего отменять</translation>
    </message>
    <message>
        <source>Redo: %1 (Ctrl+Shift+Z)</source>
        <translation>Повторить: %1 (Ctrl+Shift+Z)</translation>
    </message>
    <message>
        <source>Nothing to redo</source>
        <translation>Нечего повторять</translation>
    </message>
    <message>
        <source>Give the segment a name.</source>
        <translation>Дайте сегменту название.</translation>
    </message>
    <message>
        <source>The rule has mistakes (marked in red). Fix them to save.</source>
        <translation>В правиле есть ошибки (отмечены красным). Исправьте их, чтобы сохранить.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Сохранение…</translation>
    </message>
    <message>
        <source>Offline: the segment can be saved when the server is back.</source>
        <translation>Нет связи: сегмент можно будет сохранить, когда сервер станет доступен.</translation>
    </message>
    <message>
        <source>Saved. Members are calculated on the schedule.</source>
        <translation>Сохранено. Состав сегмента рассчитывается по расписанию.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <source>Save the changes to this segment before closing?</source>
        <translation>Сохранить изменения сегмента перед закрытием?</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Подсчёт…</translation>
    </message>
    <message>
        <source>Counting took too long and was stopped. Narrow the rule (a shorter time window, fewer nested groups) and try again.</source>
        <translation>Подсчёт занял слишком много времени и был остановлен. Сузьте правило (короче период, меньше вложенных групп) и попробуйте снова.</translation>
    </message>
    <message>
        <source>The count failed: %1</source>
        <translation>Подсчёт не удался: %1</translation>
    </message>
    <message>
        <source>%1 of %2 customers</source>
        <translation>%1 из %2 клиентов</translation>
    </message>
    <message numerus="yes">
        <source>Counted in %n ms</source>
        <translation>
            <numerusform>Подсчитано за %n мс</numerusform>
            <numerusform>Подсчитано за %n мс</numerusform>
            <numerusform>Подсчитано за %n мс</numerusform>
        </translation>
    </message>
    <message>
        <source>Counted in under a millisecond</source>
        <translation>Подсчитано менее чем за миллисекунду</translation>
    </message>
    <message>
        <source>%1 (view only)</source>
        <translation>%1 (только просмотр)</translation>
    </message>
    <message>
        <source>Changing segments needs the permission to edit them.</source>
        <translation>Чтобы изменять сегменты, нужно право на их редактирование.</translation>
    </message>
</context>
<context>
    <name>LoyaltyDesk::Ui::SegmentsPage</name>
    <message>
        <source>Select a segment to see its members.</source>
        <translation>Выберите сегмент, чтобы увидеть его состав.</translation>
    </message>
    <message>
        <source>“%1” has not been calculated yet. Press Recalculate to find its members now.</source>
        <translation>«%1» ещё не рассчитан. Нажмите «Пересчитать», чтобы найти его участников сейчас.</translation>
    </message>
    <message>
        <source>Members of “%1” as of %2</source>
        <translation>Состав «%1» на %2</translation>
    </message>
    <message>
        <source>Duplicate segment</source>
        <translation>Копирование сегмента</translation>
    </message>
    <message>
        <source>Duplicated as “%1”.</source>
        <translation>Создана копия «%1».</translation>
    </message>
    <message>
        <source>Recalculating “%1”…</source>
        <translation>Пересчёт «%1»…</translation>
    </message>
    <message>
        <source>Recalculate segment</source>
        <translation>Пересчёт сегмента</translation>
    </message>
    <message>
        <source>%1 entered, %2 left.</source>
        <translation>Вошли: %1, вышли: %2.</translation>
    </message>
    <message>
        <source>Delete segment</source>
        <translation>Удаление сегмента</translation>
    </message>
    <message>
        <source>Delete the segment “%1”? Its members, history and schedule are deleted too. Audiences taken from it stay.</source>
        <translation>Удалить сегмент «%1»? Его состав, история и расписание тоже будут удалены. Аудитории, созданные из него, останутся.</translation>
    </message>
    <message>
        <source>Deleted “%1”.</source>
        <translation>«%1» удалён.</translation>
    </message>
    <message>
        <source>“%1” was not deleted.</source>
        <translation>«%1» не удалён.</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>Сегменты</translation>
    </message>
    <message>
        <source>Groups of customers described by rules. The server recalculates each on its schedule and records who entered and who left.</source>
        <translation>Группы клиентов, описанные правилами. Сервер пересчитывает каждую по расписанию и записывает, кто вошёл и кто вышел.</translation>
    </message>
    <message>
        <source>Find a segment by name</source>
        <translation>Найти сегмент по названию</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Создать</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <source>Recalculate</source>
        <translation>Пересчитать</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Экспорт в CSV…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>Loading segments…</source>
        <translation>Загрузка сегментов…</translation>
    </message>
    <message>
        <source>Open (Enter)</source>
        <translation>Открыть (Enter)</translation>
    </message>
    <message numerus="yes">
        <source>Recalculated “%1”: %Ln customer(s) in %2.</source>
        <translation>
            <numerusform>«%1» пересчитан: %Ln клиент за %2.</numerusform>
            <numerusform>«%1» пересчитан: %Ln клиента за %2.</numerusform>
            <numerusform>«%1» пересчитан: %Ln клиентов за %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>New audience…</source>
        <translation>Новая аудитория…</translation>
    </message>
</context>
<context>
    <name>LoyaltyDesk::Ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Внешний вид</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Подключение</translation>
    </message>
    <message>
        <source>Offline cache</source>
        <translation>Автономный кэш</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Язык:</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Тема:</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Сервер:</translation>
    </message>
    <message>
        <source>Used the next time you sign in.</source>
        <translation>Используется при следующем входе.</translation>
    </message>
    <message>
        <source>&amp;Keep at most:</source>
        <translation>&amp;Хранить не более:</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> МБ</translation>
    </message>
    <message>
        <source>In use: …</source>
        <translation>Занято: …</translation>
    </message>
    <message>
        <source>In use: %1</source>
        <translation>Занято: %1</translation>
    </message>
    <message>
        <source>&amp;Clear cache</source>
        <translation>&amp;Очистить кэш</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Светлая</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Тёмная</translation>
    </message>
</context>
<context>
    <name>LoyaltyDesk::Ui::TemplateEditor</name>
    <message>
        <source>Your draft is back. Save to make it a new version.</source>
        <translation>Черновик восстановлен. Сохраните, чтобы он стал новой версией.</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>Preheader</source>
        <translation>Прехедер</translation>
    </message>
    <message>
        <source>Sender name</source>
        <translation>Имя отправителя</translation>
    </message>
    <message>
        <source>Sender e-mail</source>
        <translation>E-mail отправителя</translation>
    </message>
    <message>
        <source>HTML source</source>
        <translation>HTML-код</translation>
    </message>
    <message>
        <source>Plain-text part</source>
        <translation>Текстовая версия</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Заголовок</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Текст сообщения</translation>
    </message>
    <message>
        <source>Deep link</source>
        <translation>Диплинк</translation>
    </message>
    <message>
        <source>Image URL</source>
        <translation>URL картинки</translation>
    </message>
    <message>
        <source>Button</source>
        <translation>Кнопка</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Ссылка</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>New template</source>
        <translation>Новый шаблон</translation>
    </message>
    <message>
        <source>not saved yet</source>
        <translation>ещё не сохранён</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>версия %1</translation>
    </message>
    <message>
        <source>version %1 · %2, %3</source>
        <translation>версия %1 · %2, %3</translation>
    </message>
    <message>
        <source>Restore your unsaved draft from %1?</source>
        <translation>Восстановить несохранённый черновик от %1?</translation>
    </message>
    <message numerus="yes">
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n символ</numerusform>
            <numerusform>%n символа</numerusform>
            <numerusform>%n символов</numerusform>
        </translation>
    </message>
    <message>
        <source>GSM-7</source>
        <translation>GSM-7</translation>
    </message>
    <message>
        <source>UCS-2 (Unicode)</source>
        <translation>UCS-2 (Юникод)</translation>
    </message>
    <message numerus="yes">
        <source>%n segment(s)</source>
        <translation>
            <numerusform>%n сегмент</numerusform>
            <numerusform>%n сегмента</numerusform>
            <numerusform>%n сегментов</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 characters per message (%2 in a long one); %3 left in the last.</source>
        <translation>%1 символов в одном SMS (%2 в части длинного); в последней части осталось %3.</translation>
    </message>
    <message>
        <source>Marked characters are not in the GSM alphabet: a message holds %1 characters (%2 in a long one); %3 left in the last.</source>
        <translation>Отмеченных символов нет в алфавите GSM: в одном SMS помещается %1 символов (%2 в части длинного); в последней части осталось %3.</translation>
    </message>
    <message numerus="yes">
        <source>Most devices cut this after %n character(s).</source>
        <translation>
            <numerusform>Большинство устройств обрезают это после %n символа.</numerusform>
            <numerusform>Большинство устройств обрезают это после %n символов.</numerusform>
            <numerusform>Большинство устройств обрезают это после %n символов.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, line %2, column %3: %4</source>
        <translation>%1, строка %2, столбец %3: %4</translation>
    </message>
    <message numerus="yes">
        <source>After merging: %n character(s)</source>
        <translation>
            <numerusform>После подстановки: %n символ</numerusform>
            <numerusform>После подстановки: %n символа</numerusform>
            <numerusform>После подстановки: %n символов</numerusform>
        </translation>
    </message>
    <message>
        <source>Rendered for %1</source>
        <translation>Для клиента %1</translation>
    </message>
    <message>
        <source>Rendered with sample data</source>
        <translation>С примерными данными</translation>
    </message>
    <message>
        <source>Give the template a name.</source>
        <translation>Дайте шаблону название.</translation>
    </message>
    <message>
        <source>Fix the marked template errors first.</source>
        <translation>Сначала исправьте отмеченные ошибки в шаблоне.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Сохранение…</translation>
    </message>
    <message>
        <source>Saved locally; will be kept until you save to the server. (%1)</source>
        <translation>Сохранено локально и будет храниться, пока вы не сохраните на сервер. (%1)</translation>
    </message>
    <message>
        <source>Saved as version %1.</source>
        <translation>Сохранено как версия %1.</translation>
    </message>
    <message>
        <source>Back to the library (Alt+Left)</source>
        <translation>Назад в библиотеку (Alt+Влево)</translation>
    </message>
    <message>
        <source>Template name</source>
        <translation>Название шаблона</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Папка</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Теги</translation>
    </message>
    <message>
        <source>Folder, e.g. Promo/Summer</source>
        <translation>Папка, например Акции/Лето</translation>
    </message>
    <message>
        <source>Tags, separated by commas</source>
        <translation>Теги через запятую</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Восстановить</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Отбросить</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Save a new version (Ctrl+S)</source>
        <translation>Сохранить новую версию (Ctrl+S)</translation>
    </message>
    <message>
        <source>Test send…</source>
        <translation>Тестовая отправка…</translation>
    </message>
    <message>
        <source>Send this message to yourself (Ctrl+T)</source>
        <translation>Отправить это сообщение себе (Ctrl+T)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <source>Undo in the current field (Ctrl+Z)</source>
        <translation>Отменить в текущем поле (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>Redo in the current field (Ctrl+Shift+Z)</source>
        <translation>Повторить в текущем поле (Ctrl+Shift+Z)</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Предпросмотр</translation>
    </message>
    <message>
        <source>Write the plain-text part myself (otherwise it is made from the HTML)</source>
        <translation>Написать текстовую версию самому (иначе она делается из HTML)</translation>
    </message>
    <message>
        <source>Design</source>
        <translation>Дизайн</translation>
    </message>
    <message>
        <source>Preview on devices</source>
        <translation>Просмотр на устройствах</translation>
    </message>
</context>
<context>
    <name>LoyaltyDesk::Ui::TemplatesPage</name>
    <message>
        <source>in-app</source>
        <translation>in-app</translation>
    </message>
    <message>
        <source>No templates match. Create one with New (Ctrl+N) or import an HTML file.</source>
        <translation>Подходящих шаблонов нет. Создайте шаблон кнопкой «Создать» (Ctrl+N) или импортируйте HTML-файл.</translation>
    </message>
    <message>
        <source>All templates</source>
        <translation>Все шаблоны</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>Все теги</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Папка</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Теги</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Изменён</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Кем</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Версия</translation>
    </message>
    <message>
        <source>Copied as “%1”.</source>
        <translation>Скопирован как «%1».</translation>
    </message>
    <message>
        <source>Delete template</source>
        <translation>Удаление шаблона</translation>
    </message>
    <message>
        <source>Delete “%1” with all its versions? Campaigns that use it will stop sending it.</source>
        <translation>Удалить «%1» со всеми версиями? Кампании, которые его используют, перестанут его отправлять.</translation>
    </message>
    <message>
        <source>“%1” is deleted.</source>
        <translation>«%1» удалён.</translation>
    </message>
    <message>
        <source>Import an HTML e-mail</source>
        <translation>Импорт HTML-письма</translation>
    </message>
    <message>
        <source>HTML files (*.html *.htm)</source>
        <translation>HTML-файлы (*.html *.htm)</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>Не удаётся прочитать %1: %2</translation>
    </message>
    <message>
        <source>%1 is larger than 4 MB; an e-mail that big would not be delivered.</source>
        <translation>%1 больше 4 МБ; такое большое письмо не будет доставлено.</translation>
    </message>
    <message>
        <source>Imported as the e-mail template “%1”.</source>
        <translation>Импортирован как e-mail-шаблон «%1».</translation>
    </message>
    <message>
        <source>Export the template</source>
        <translation>Экспорт шаблона</translation>
    </message>
    <message>
        <source>HTML files (*.html)</source>
        <translation>HTML-файлы (*.html)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-файлы (*.json)</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Экспортирован в %1.</translation>
    </message>
    <message>
        <source>Version %1 (current) · %2 · %3</source>
        <translation>Версия %1 (текущая) · %2 · %3</translation>
    </message>
    <message>
        <source>Version %1 · %2 · %3</source>
        <translation>Версия %1 · %2 · %3</translation>
    </message>
    <message>
        <source>Restore version</source>
        <translation>Восстановление версии</translation>
    </message>
    <message>
        <source>Make version %1 the current one? It is saved as a new version; nothing is lost.</source>
        <translation>Сделать версию %1 текущей? Она сохранится как новая версия; ничего не потеряется.</translation>
    </message>
    <message>
        <source>Version %1 is restored as version %2.</source>
        <translation>Версия %1 восстановлена как версия %2.</translation>
    </message>
    <message>
        <source>Message library</source>
        <translation>Библиотека сообщений</translation>
    </message>
    <message>
        <source>Search names and texts</source>
        <translation>Поиск по названиям и текстам</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>Все каналы</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Создать</translation>
    </message>
    <message>
        <source>A new template (Ctrl+N)</source>
        <translation>Новый шаблон (Ctrl+N)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>Open the template (Enter)</source>
        <translation>Открыть шаблон (Enter)</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Дублировать</translation>
    </message>
    <message>
        <source>Copy the template (Ctrl+D)</source>
        <translation>Скопировать шаблон (Ctrl+D)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Delete the template (Del)</source>
        <translation>Удалить шаблон (Del)</translation>
    </message>
    <message>
        <source>Import HTML…</source>
        <translation>Импорт HTML…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <source>Version history</source>
        <translation>История версий</translation>
    </message>
    <message>
        <source>Restore this version</source>
        <translation>Восстановить эту версию</translation>
    </message>
    <message>
        <source>Choose a version to see its text.</source>
        <translation>Выберите версию, чтобы увидеть её текст.</translation>
    </message>
</context>
<context>
    <name>LoyaltyDesk::Ui::TestSendDialog</name>
    <message>
        <source>This is not an e-mail address.</source>
        <translation>Это не адрес электронной почты.</translation>
    </message>
    <message>
        <source>This is not a phone number.</source>
        <translation>Это не номер телефона.</translation>
    </message>
    <message>
        <source>Sending to %1…</source>
        <translation>Отправка на %1…</translation>
    </message>
    <message>
        <source>Sent to %1: %2 (message %3).</source>
        <translation>Отправлено на %1: %2 (сообщение %3).</translation>
    </message>
    <message>
        <source>The provider answered:</source>
        <translation>Ответ провайдера:</translation>
    </message>
    <message>
        <source>This server cannot send tests yet (it answered “%1”). Update the server.</source>
        <translation>Этот сервер пока не умеет тестовые отправки (ответ: «%1»). Обновите сервер.</translation>
    </message>
    <message>
        <source>The provider refused the message: %1</source>
        <translation>Провайдер не принял сообщение: %1</translation>
    </message>
    <message>
        <source>Test send</source>
        <translation>Тестовая отправка</translation>
    </message>
    <message>
        <source>Sends this message once, as it is in the editor now, rendered for the customer you choose (or sample data).</source>
        <translation>Отправляет это сообщение один раз — в том виде, в каком оно сейчас в редакторе, с данными выбранного клиента (или примерными данными).</translation>
    </message>
    <message>
        <source>To e-mail:</source>
        <translation>На e-mail:</translation>
    </message>
    <message>
        <source>To phone:</source>
        <translation>На телефон:</translation>
    </message>
    <message>
        <source>To device or user:</source>
        <translation>На устройство или пользователя:</translation>
    </message>
    <message>
        <source>you@example.com</source>
        <translation>you@example.com</translation>
    </message>
    <message>
        <source>+7 916 123-45-67</source>
        <translation>+7 916 123-45-67</translation>
    </message>
    <message>
        <source>device token or customer id</source>
        <translation>токен устройства или id клиента</translation>
    </message>
    <message>
        <source>Render for:</source>
        <translation>Данные клиента:</translation>
    </message>
    <message>
        <source>Strict: unknown variables and filters are errors</source>
        <translation>Строго: неизвестные переменные и фильтры — ошибки</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Отправить</translation>
    </message>
</context>
<context>
    <name>LoyaltyDesk::Ui::Workstation</name>
    <message>
        <source>Your session has ended. Sign in again to continue.</source>
        <translation>Сеанс завершён. Войдите снова, чтобы продолжить.</translation>
    </message>
</context>
<context>
    <name>LoyaltyDesk::Widgets::CustomerPicker</name>
    <message>
        <source>Sample data — or find a customer by phone or name</source>
        <translation>Примерные данные — или найдите клиента по телефону или имени</translation>
    </message>
</context>
<context>
    <name>LoyaltyDesk::Widgets::DevicePreview</name>
    <message>
        <source>Sample customer: phone or name</source>
        <translation>Пример клиента: телефон или имя</translation>
    </message>
    <message>
        <source>Sample data</source>
        <translation>Пример данных</translation>
    </message>
    <message>
        <source>Strict</source>
        <translation>Строго</translation>
    </message>
    <message>
        <source>Unknown variables and filters are errors, as in a strict send</source>
        <translation>Неизвестные переменные и фильтры — ошибки, как при строгой отправке</translation>
    </message>
    <message>
        <source>%1 · %2 px</source>
        <translation>%1 · %2 px</translation>
    </message>
    <message>
        <source>Customer %1</source>
        <translation>Клиент %1</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Поиск…</translation>
    </message>
    <message>
        <source>No customer found</source>
        <translation>Клиент не найден</translation>
    </message>
    <message>
        <source>Rendering…</source>
        <translation>Отрисовка…</translation>
    </message>
    <message>
        <source>From: %1</source>
        <translation>От: %1</translation>
    </message>
    <message>
        <source>(sender from the channel settings)</source>
        <translation>(отправитель из настроек канала)</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(без темы)</translation>
    </message>
    <message>
        <source>%1, line %2, column %3</source>
        <translation>%1, строка %2, столбец %3</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Предупреждение</translation>
    </message>
    <message>
        <source>Desktop</source>
        <translation>Компьютер</translation>
    </message>
    <message>
        <source>Tablet</source>
        <translation>Планшет</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>The e-mail is too large to preview.</source>
        <translation>Письмо слишком большое для предпросмотра.</translation>
    </message>
</context>
<context>
    <name>LoyaltyDesk::Widgets::EmailEditor</name>
    <message>
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>Insert an image</source>
        <translation>Вставить изображение</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp *.svg)</source>
        <translation>Изображения (*.png *.jpg *.jpeg *.gif *.webp *.svg)</translation>
    </message>
    <message>
        <source>The image must be a readable file of at most 2 MB; larger images belong on a web server (insert them by URL).</source>
        <translation>Изображение должно быть доступным для чтения файлом не больше 2 МБ; большие изображения разместите на веб-сервере (и вставьте по URL).</translation>
    </message>
    <message>
        <source>LoyaltyDesk blocks</source>
        <translation>Блоки LoyaltyDesk</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Шапка</translation>
    </message>
    <message>
        <source>Hero</source>
        <translation>Баннер</translation>
    </message>
    <message>
        <source>Your favourites</source>
        <translation>Ваше избранное</translation>
    </message>
    <message>
        <source>You looked at</source>
        <translation>Вы смотрели</translation>
    </message>
    <message>
        <source>Coupon</source>
        <translation>Купон</translation>
    </message>
    <message>
        <source>Bonus balance</source>
        <translation>Бонусный баланс</translation>
    </message>
    <message>
        <source>Footer</source>
        <translation>Подвал</translation>
    </message>
    <message>
        <source>Your brand</source>
        <translation>Ваш бренд</translation>
    </message>
    <message>
        <source>View in browser</source>
        <translation>Открыть в браузере</translation>
    </message>
    <message>
        <source>{{ customer.first_name }}, new season, new offers</source>
        <translation>{{ customer.first_name }}, новый сезон — новые предложения</translation>
    </message>
    <message>
        <source>Fresh arrivals picked for you, and double points on every purchase this week.</source>
        <translation>Новинки, подобранные для вас, и двойные баллы за каждую покупку на этой неделе.</translation>
    </message>
    <message>
        <source>Shop now</source>
        <translation>За покупками</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Действует до</translation>
    </message>
    <message>
        <source>Your bonus balance</source>
        <translation>Ваш бонусный баланс</translation>
    </message>
    <message>
        <source>Expiring within 30 days:</source>
        <translation>Сгорит в ближайшие 30 дней:</translation>
    </message>
    <message>
        <source>Spend points</source>
        <translation>Потратить баллы</translation>
    </message>
    <message>
        <source>You receive this e-mail as a member of our loyalty program.</source>
        <translation>Вы получили это письмо как участник нашей программы лояльности.</translation>
    </message>
    <message>
        <source>Unsubscribe</source>
        <translation>Отписаться</translation>
    </message>
    <message>
        <source>Insert a merge tag</source>
        <translation>Вставить переменную</translation>
    </message>
    <message>
        <source>Find a variable…</source>
        <translation>Найти переменную…</translation>
    </message>
    <message>
        <source>Insert an image from a file</source>
        <translation>Вставить изображение из файла</translation>
    </message>
    <message>
        <source>Import HTML</source>
        <translation>Импорт HTML</translation>
    </message>
    <message>
        <source>HTML with inlined CSS</source>
        <translation>HTML со встроенным CSS</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Импортировать</translation>
    </message>
    <message>
        <source>Remove everything from the e-mail?</source>
        <translation>Удалить всё содержимое письма?</translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation>Блоки</translation>
    </message>
    <message>
        <source>Styles</source>
        <translation>Стили</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Слои</translation>
    </message>
    <message>
        <source>Show block outlines</source>
        <translation>Показать границы блоков</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Предпросмотр</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Во весь экран</translation>
    </message>
    <message>
        <source>View the code</source>
        <translation>Показать код</translation>
    </message>
    <message>
        <source>As on a computer</source>
        <translation>Как на компьютере</translation>
    </message>
    <message>
        <source>As on a tablet</source>
        <translation>Как на планшете</translation>
    </message>
    <message>
        <source>As on a phone</source>
        <translation>Как на телефоне</translation>
    </message>
    <message>
        <source>Show or hide the images</source>
        <translation>Показать или скрыть изображения</translation>
    </message>
    <message>
        <source>Remove everything</source>
        <translation>Очистить письмо</translation>
    </message>
    <message>
        <source>One column</source>
        <translation>Одна колонка</translation>
    </message>
    <message>
        <source>Two columns</source>
        <translation>Две колонки</translation>
    </message>
    <message>
        <source>Three columns</source>
        <translation>Три колонки</translation>
    </message>
    <message>
        <source>Columns 3:7</source>
        <translation>Колонки 3:7</translation>
    </message>
    <message>
        <source>Button</source>
        <translation>Кнопка</translation>
    </message>
    <message>
        <source>Divider</source>
        <translation>Линия</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <source>Heading and text</source>
        <translation>Заголовок и текст</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Картинка</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Цитата</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Ссылка</translation>
    </message>
    <message>
        <source>Link block</source>
        <translation>Блок-ссылка</translation>
    </message>
    <message>
        <source>Cards in a grid</source>
        <translation>Карточки сеткой</translation>
    </message>
    <message>
        <source>Cards in a list</source>
        <translation>Карточки списком</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>Ширина</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Высота</translation>
    </message>
    <message>
        <source>Maximum width</source>
        <translation>Наибольшая ширина</translation>
    </message>
    <message>
        <source>Minimum height</source>
        <translation>Наименьшая высота</translation>
    </message>
    <message>
        <source>Outer spacing</source>
        <translation>Внешний отступ</translation>
    </message>
    <message>
        <source>Inner spacing</source>
        <translation>Внутренний отступ</translation>
    </message>
    <message>
        <source>Font</source>
        <translation>Шрифт</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>Размер шрифта</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Насыщенность</translation>
    </message>
    <message>
        <source>Letter spacing</source>
        <translation>Межбуквенный интервал</translation>
    </message>
    <message>
        <source>Text colour</source>
        <translation>Цвет текста</translation>
    </message>
    <message>
        <source>Line height</source>
        <translation>Межстрочный интервал</translation>
    </message>
    <message>
        <source>Alignment</source>
        <translation>Выравнивание</translation>
    </message>
    <message>
        <source>Underline and strike-through</source>
        <translation>Подчёркивание и зачёркивание</translation>
    </message>
    <message>
        <source>Italic</source>
        <translation>Курсив</translation>
    </message>
    <message>
        <source>Vertical alignment</source>
        <translation>Вертикальное выравнивание</translation>
    </message>
    <message>
        <source>Text shadow</source>
        <translation>Тень текста</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>Фон</translation>
    </message>
    <message>
        <source>Merge cell borders</source>
        <translation>Слияние границ ячеек</translation>
    </message>
    <message>
        <source>Rounded corners</source>
        <translation>Скругление углов</translation>
    </message>
    <message>
        <source>Border</source>
        <translation>Рамка</translation>
    </message>
    <message>
        <source>Background image</source>
        <translation>Фоновое изображение</translation>
    </message>
    <message>
        <source>Thin</source>
        <translation>Тонкий</translation>
    </message>
    <message>
        <source>Extra light</source>
        <translation>Сверхсветлый</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Светлый</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Обычный</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Средний</translation>
    </message>
    <message>
        <source>Semi-bold</source>
        <translation>Полужирный</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>Жирный</translation>
    </message>
    <message>
        <source>Extra bold</source>
        <translation>Сверхжирный</translation>
    </message>
    <message>
        <source>Black</source>
        <translation>Самый жирный</translation>
    </message>
    <message>
        <source>On the baseline</source>
        <translation>По базовой линии</translation>
    </message>
    <message>
        <source>Top</source>
        <translation>По верху</translation>
    </message>
    <message>
        <source>Middle</source>
        <translation>По центру</translation>
    </message>
    <message>
        <source>Bottom</source>
        <translation>По низу</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Нет</translation>
    </message>
    <message>
        <source>Solid</source>
        <translation>Сплошная</translation>
    </message>
    <message>
        <source>Dotted</source>
        <translation>Точками</translation>
    </message>
    <message>
        <source>Dashed</source>
        <translation>Штрихами</translation>
    </message>
    <message>
        <source>Double</source>
        <translation>Двойная</translation>
    </message>
    <message>
        <source>Groove</source>
        <translation>Желобок</translation>
    </message>
    <message>
        <source>Ridge</source>
        <translation>Гребень</translation>
    </message>
    <message>
        <source>Inset</source>
        <translation>Вдавленная</translation>
    </message>
    <message>
        <source>Outset</source>
        <translation>Выпуклая</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>Идентификатор</translation>
    </message>
    <message>
        <source>Tooltip</source>
        <translation>Всплывающая подсказка</translation>
    </message>
    <message>
        <source>Link address</source>
        <translation>Адрес ссылки</translation>
    </message>
    <message>
        <source>Opens in</source>
        <translation>Где открывать</translation>
    </message>
    <message>
        <source>Text instead of the image</source>
        <translation>Текст вместо изображения</translation>
    </message>
    <message>
        <source>Basic blocks</source>
        <translation>Основные блоки</translation>
    </message>
</context>
<context>
    <name>LoyaltyDesk::Widgets::MergeTagPicker</name>
    <message>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Контакты</translation>
    </message>
    <message>
        <source>Bonus balance</source>
        <translation>Бонусный баланс</translation>
    </message>
    <message>
        <source>Status tier</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>RFM</source>
        <translation>RFM</translation>
    </message>
    <message>
        <source>Last purchase</source>
        <translation>Последняя покупка</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Кампания</translation>
    </message>
    <message>
        <source>Lists and links</source>
        <translation>Списки и ссылки</translation>
    </message>
    <message>
        <source>No filter</source>
        <translation>Без фильтра</translation>
    </message>
    <message>
        <source>{{ }} Merge tag</source>
        <translation>{{ }} Переменная</translation>
    </message>
    <message>
        <source>Insert a customer&apos;s data at the cursor</source>
        <translation>Вставить данные клиента в позицию курсора</translation>
    </message>
    <message>
        <source>Find a variable: name, balance, receipt…</source>
        <translation>Найти переменную: имя, баланс, чек…</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>Переменная</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>Пример</translation>
    </message>
    <message>
        <source>Enter inserts at the cursor. Filter:</source>
        <translation>Enter вставляет в позицию курсора. Фильтр:</translation>
    </message>
</context>
<context>
    <name>LoyaltyDesk::Widgets::PagedView</name>
    <message>
        <source>Offline: showing the copy saved %1. It is read-only and refreshes when the server is back.</source>
        <translation>Нет связи: показана копия, сохранённая %1. Она доступна только для чтения и обновится, когда сервер вернётся.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) shown; scroll down for more</source>
        <translation>
            <numerusform>Показана %n строка; прокрутите вниз, чтобы загрузить ещё</numerusform>
            <numerusform>Показаны %n строки; прокрутите вниз, чтобы загрузить ещё</numerusform>
            <numerusform>Показано %n строк; прокрутите вниз, чтобы загрузить ещё</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n строка</numerusform>
            <numerusform>%n строки</numerusform>
            <numerusform>%n строк</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Повторить</translation>
    </message>
</context>
<context>
    <name>LoyaltyDesk::Widgets::PhonePreview</name>
    <message>
        <source>Rendering…</source>
        <translation>Подстановка…</translation>
    </message>
    <message>
        <source>LoyaltyDesk</source>
        <translation>LoyaltyDesk</translation>
    </message>
    <message>
        <source>Today %1</source>
        <translation>Сегодня %1</translation>
    </message>
    <message>
        <source>Lock screen</source>
        <translation>Экран блокировки</translation>
    </message>
    <message>
        <source>Image: %1</source>
        <translation>Картинка: %1</translation>
    </message>
    <message>
        <source>Opens: %1</source>
        <translation>Открывает: %1</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Входящие</translation>
    </message>
</context>
<context>
    <name>LoyaltyDesk::Widgets::PurchasesChart</name>
    <message>
        <source>Loading purchases…</source>
        <translation>Загрузка покупок…</translation>
    </message>
    <message>
        <source>No purchases in this period</source>
        <translation>За этот период покупок нет</translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation>Покупки</translation>
    </message>
    <message numerus="yes">
        <source>%n purchase(s) totalling %1</source>
        <translation>
            <numerusform>%n покупка на сумму %1</numerusform>
            <numerusform>%n покупки на сумму %1</numerusform>
            <numerusform>%n покупок на сумму %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Purchases over the last 12 months, %1</source>
        <translation>Покупки за последние 12 месяцев, %1</translation>
    </message>
</context>
<context>
    <name>LoyaltyDesk::Widgets::RuleBuilder</name>
    <message>
        <source>Add a condition</source>
        <translation>Добавить условие</translation>
    </message>
    <message>
        <source>Add a group</source>
        <translation>Добавить группу</translation>
    </message>
    <message>
        <source>Remove a group</source>
        <translation>Удалить группу</translation>
    </message>
    <message>
        <source>Remove a condition</source>
        <translation>Удалить условие</translation>
    </message>
    <message>
        <source>Move a group</source>
        <translation>Переместить группу</translation>
    </message>
    <message>
        <source>Move a condition</source>
        <translation>Переместить условие</translation>
    </message>
    <message>
        <source>Choose the field %1</source>
        <translation>Выбрать поле «%1»</translation>
    </message>
    <message>
        <source>Change the operator to “%1”</source>
        <translation>Сменить оператор на «%1»</translation>
    </message>
    <message>
        <source>Change a value</source>
        <translation>Изменить значение</translation>
    </message>
    <message>
        <source>Change a filter</source>
        <translation>Изменить фильтр</translation>
    </message>
    <message>
        <source>Match any condition</source>
        <translation>Любое из условий</translation>
    </message>
    <message>
        <source>Match all conditions</source>
        <translation>Все условия</translation>
    </message>
    <message>
        <source>Exclude the group&apos;s customers</source>
        <translation>Исключить клиентов группы</translation>
    </message>
    <message>
        <source>Include the group&apos;s customers</source>
        <translation>Включить клиентов группы</translation>
    </message>
    <message>
        <source>Choose a field.</source>
        <translation>Выберите поле.</translation>
    </message>
</context>
<context>
    <name>LoyaltyDesk::Widgets::RuleTexts</name>
    <message>
        <source>Drag to move into another place or group</source>
        <translation>Перетащите, чтобы переместить в другое место или группу</translation>
    </message>
    <message>
        <source>Include customers matching</source>
        <translation>Включить клиентов, подходящих под</translation>
    </message>
    <message>
        <source>Exclude customers matching</source>
        <translation>Исключить клиентов, подходящих под</translation>
    </message>
    <message>
        <source>all (AND)</source>
        <translation>все (И)</translation>
    </message>
    <message>
        <source>any (OR)</source>
        <translation>любое (ИЛИ)</translation>
    </message>
    <message>
        <source>of these conditions</source>
        <translation>из этих условий</translation>
    </message>
    <message>
        <source>+ Condition</source>
        <translation>+ Условие</translation>
    </message>
    <message>
        <source>+ Group</source>
        <translation>+ Группа</translation>
    </message>
    <message>
        <source>Remove this group</source>
        <translation>Удалить эту группу</translation>
    </message>
    <message>
        <source>OR</source>
        <translation>ИЛИ</translation>
    </message>
    <message>
        <source>AND</source>
        <translation>И</translation>
    </message>
    <message>
        <source>No conditions yet: every customer matches. Add a condition to narrow the segment.</source>
        <translation>Условий пока нет: подходят все клиенты. Добавьте условие, чтобы сузить сегмент.</translation>
    </message>
    <message>
        <source>An empty group. Add a condition or drag one here.</source>
        <translation>Пустая группа. Добавьте условие или перетащите его сюда.</translation>
    </message>
    <message>
        <source>Choose a field…</source>
        <translation>Выберите поле…</translation>
    </message>
    <message>
        <source>Choose what to test</source>
        <translation>Выберите, что проверять</translation>
    </message>
    <message>
        <source>Remove this condition</source>
        <translation>Удалить это условие</translation>
    </message>
    <message>
        <source>Remove this filter</source>
        <translation>Удалить этот фильтр</translation>
    </message>
    <message>
        <source>+ Filter</source>
        <translation>+ Фильтр</translation>
    </message>
    <message>
        <source>Search fields…</source>
        <translation>Поиск полей…</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n products)</source>
        <translation>
            <numerusform>%1 (%n товар)</numerusform>
            <numerusform>%1 (%n товара)</numerusform>
            <numerusform>%1 (%n товаров)</numerusform>
        </translation>
    </message>
    <message>
        <source>Type a product or SKU…</source>
        <translation>Введите товар или артикул…</translation>
    </message>
    <message>
        <source>Type a category…</source>
        <translation>Введите категорию…</translation>
    </message>
    <message>
        <source>Type a value, press Enter</source>
        <translation>Введите значение и нажмите Enter</translation>
    </message>
    <message>
        <source> days</source>
        <translation> дн.</translation>
    </message>
    <message>
        <source>and</source>
        <translation>и</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Фамилия</translation>
    </message>
    <message>
        <source>Middle name</source>
        <translation>Отчество</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Пол</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Возраст</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Город</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Часовой пояс</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Status tier</source>
        <translation>Уровень статуса</translation>
    </message>
    <message>
        <source>Registration date</source>
        <translation>Дата регистрации</translation>
    </message>
    <message>
        <source>Has a valid phone</source>
        <translation>Есть действующий телефон</translation>
    </message>
    <message>
        <source>Has a valid e-mail</source>
        <translation>Есть действующий e-mail</translation>
    </message>
    <message>
        <source>Phone confirmed</source>
        <translation>Телефон подтверждён</translation>
    </message>
    <message>
        <source>E-mail confirmed</source>
        <translation>E-mail подтверждён</translation>
    </message>
    <message>
        <source>Subscribed</source>
        <translation>Подписан</translation>
    </message>
    <message>
        <source>Unsubscribed</source>
        <translation>Отписался</translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation>Покупки</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Заказы</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Выручка</translation>
    </message>
    <message>
        <source>Average order value</source>
        <translation>Средний чек</translation>
    </message>
    <message>
        <source>Predicted lifetime value (3 years)</source>
        <translation>Прогноз ценности клиента (3 года)</translation>
    </message>
    <message>
        <source>Days since the last purchase</source>
        <translation>Дней с последней покупки</translation>
    </message>
    <message>
        <source>First purchase</source>
        <translation>Первая покупка</translation>
    </message>
    <message>
        <source>Last purchase</source>
        <translation>Последняя покупка</translation>
    </message>
    <message>
        <source>RFM group</source>
        <translation>RFM-группа</translation>
    </message>
    <message>
        <source>RFM recency score</source>
        <translation>RFM: оценка давности</translation>
    </message>
    <message>
        <source>RFM frequency score</source>
        <translation>RFM: оценка частоты</translation>
    </message>
    <message>
        <source>RFM monetary score</source>
        <translation>RFM: оценка суммы</translation>
    </message>
    <message>
        <source>Active points</source>
        <translation>Активные баллы</translation>
    </message>
    <message>
        <source>Pending points</source>
        <translation>Ожидающие баллы</translation>
    </message>
    <message>
        <source>Points expiring</source>
        <translation>Сгорающие баллы</translation>
    </message>
    <message>
        <source>Points activating</source>
        <translation>Активируемые баллы</translation>
    </message>
    <message>
        <source>Performed event (times)</source>
        <translation>Совершил событие (раз)</translation>
    </message>
    <message>
        <source>Visited the website (times)</source>
        <translation>Посещал сайт (раз)</translation>
    </message>
    <message>
        <source>Abandoned a cart</source>
        <translation>Бросил корзину</translation>
    </message>
    <message>
        <source>Messages (count)</source>
        <translation>Сообщения (количество)</translation>
    </message>
    <message>
        <source>Did not open the last N messages</source>
        <translation>Не открыл последние N сообщений</translation>
    </message>
    <message>
        <source>Survey answer</source>
        <translation>Ответ на опрос</translation>
    </message>
    <message>
        <source>Member of segment</source>
        <translation>Входит в сегмент</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Contacts and consent</source>
        <translation>Контакты и согласия</translation>
    </message>
    <message>
        <source>Metrics and RFM</source>
        <translation>Показатели и RFM</translation>
    </message>
    <message>
        <source>Bonus points</source>
        <translation>Бонусные баллы</translation>
    </message>
    <message>
        <source>Events and website</source>
        <translation>События и сайт</translation>
    </message>
    <message>
        <source>Communications</source>
        <translation>Коммуникации</translation>
    </message>
    <message>
        <source>Surveys</source>
        <translation>Опросы</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>Сегменты</translation>
    </message>
    <message>
        <source>Custom fields</source>
        <translation>Дополнительные поля</translation>
    </message>
    <message>
        <source>is</source>
        <translation>равно</translation>
    </message>
    <message>
        <source>is not</source>
        <translation>не равно</translation>
    </message>
    <message>
        <source>is less than</source>
        <translation>меньше</translation>
    </message>
    <message>
        <source>is at most</source>
        <translation>не больше</translation>
    </message>
    <message>
        <source>is more than</source>
        <translation>больше</translation>
    </message>
    <message>
        <source>is at least</source>
        <translation>не меньше</translation>
    </message>
    <message>
        <source>is between</source>
        <translation>между</translation>
    </message>
    <message>
        <source>is one of</source>
        <translation>одно из</translation>
    </message>
    <message>
        <source>is none of</source>
        <translation>ни одно из</translation>
    </message>
    <message>
        <source>contains</source>
        <translation>содержит</translation>
    </message>
    <message>
        <source>starts with</source>
        <translation>начинается с</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>не заполнено</translation>
    </message>
    <message>
        <source>is not empty</source>
        <translation>заполнено</translation>
    </message>
    <message>
        <source>in the last N days</source>
        <translation>за последние N дней</translation>
    </message>
    <message>
        <source>more than N days ago</source>
        <translation>более N дней назад</translation>
    </message>
    <message>
        <source>anniversary in the next N days</source>
        <translation>годовщина в ближайшие N дней</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Показатель</translation>
    </message>
    <message>
        <source>In the last N days</source>
        <translation>За последние N дней</translation>
    </message>
    <message>
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <source>To</source>
        <translation>По</translation>
    </message>
    <message>
        <source>Receipt status</source>
        <translation>Статус чека</translation>
    </message>
    <message>
        <source>Point of sale</source>
        <translation>Точка продаж</translation>
    </message>
    <message>
        <source>Receipt total at least</source>
        <translation>Сумма чека от</translation>
    </message>
    <message>
        <source>Receipt total at most</source>
        <translation>Сумма чека до</translation>
    </message>
    <message>
        <source>Product SKU</source>
        <translation>Артикул товара</translation>
    </message>
    <message>
        <source>Product category</source>
        <translation>Категория товара</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Товар</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <source>In the next N days</source>
        <translation>В ближайшие N дней</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Событие</translation>
    </message>
    <message>
        <source>Property</source>
        <translation>Свойство</translation>
    </message>
    <message>
        <source>Property value</source>
        <translation>Значение свойства</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Раздел</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Кампания</translation>
    </message>
    <message>
        <source>Last N messages</source>
        <translation>Последние N сообщений</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Вопрос</translation>
    </message>
    <message>
        <source>number of receipts</source>
        <translation>число чеков</translation>
    </message>
    <message>
        <source>total spent</source>
        <translation>сумма покупок</translation>
    </message>
    <message>
        <source>average receipt</source>
        <translation>средний чек</translation>
    </message>
    <message>
        <source>largest receipt</source>
        <translation>самый крупный чек</translation>
    </message>
    <message>
        <source>units bought</source>
        <translation>куплено единиц</translation>
    </message>
    <message>
        <source>unfinished</source>
        <translation>незавершённый</translation>
    </message>
    <message>
        <source>champions</source>
        <translation>чемпионы</translation>
    </message>
    <message>
        <source>loyal</source>
        <translation>лояльные</translation>
    </message>
    <message>
        <source>potential loyalists</source>
        <translation>потенциально лояльные</translation>
    </message>
    <message>
        <source>new</source>
        <translation>новые</translation>
    </message>
    <message>
        <source>promising</source>
        <translation>перспективные</translation>
    </message>
    <message>
        <source>need attention</source>
        <translation>требуют внимания</translation>
    </message>
    <message>
        <source>about to sleep</source>
        <translation>засыпающие</translation>
    </message>
    <message>
        <source>at risk</source>
        <translation>в зоне риска</translation>
    </message>
    <message>
        <source>can&apos;t lose them</source>
        <translation>нельзя потерять</translation>
    </message>
    <message>
        <source>hibernating</source>
        <translation>спящие</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>потерянные</translation>
    </message>
    <message>
        <source>bronze</source>
        <translation>бронзовый</translation>
    </message>
    <message>
        <source>silver</source>
        <translation>серебряный</translation>
    </message>
    <message>
        <source>gold</source>
        <translation>золотой</translation>
    </message>
    <message>
        <source>platinum</source>
        <translation>платиновый</translation>
    </message>
    <message>
        <source>A list can have at most %1 values.</source>
        <translation>В списке может быть не больше %1 значений.</translation>
    </message>
    <message>
        <source>A property value needs the property it belongs to.</source>
        <translation>Для значения свойства нужно указать само свойство.</translation>
    </message>
    <message>
        <source>A rule can have at most %1 conditions.</source>
        <translation>В правиле может быть не больше %1 условий.</translation>
    </message>
    <message>
        <source>A value is needed.</source>
        <translation>Нужно значение.</translation>
    </message>
    <message>
        <source>Give either &quot;in the last N days&quot; or a from/to range, not both.</source>
        <translation>Укажите либо «за последние N дней», либо период с/по, но не оба сразу.</translation>
    </message>
    <message>
        <source>Groups are nested more than %1 levels deep.</source>
        <translation>Группы вложены глубже %1 уровней.</translation>
    </message>
    <message>
        <source>Must be a list of 1 to %1 values.</source>
        <translation>Нужен список из 1–%1 значений.</translation>
    </message>
    <message>
        <source>Must be a whole number.</source>
        <translation>Нужно целое число.</translation>
    </message>
    <message>
        <source>Must be at least %1.</source>
        <translation>Не меньше %1.</translation>
    </message>
    <message>
        <source>Must be at most %1.</source>
        <translation>Не больше %1.</translation>
    </message>
    <message>
        <source>The first value of &quot;between&quot; must not be greater than the second.</source>
        <translation>Первое значение «между» не должно быть больше второго.</translation>
    </message>
    <message>
        <source>The text to look for is empty.</source>
        <translation>Не указан текст для поиска.</translation>
    </message>
    <message>
        <source>The value must be a date written YYYY-MM-DD.</source>
        <translation>Значение должно быть датой в виде ГГГГ-ММ-ДД.</translation>
    </message>
    <message>
        <source>The value must be a non-empty list.</source>
        <translation>Выберите хотя бы одно значение.</translation>
    </message>
    <message>
        <source>The value must be a number.</source>
        <translation>Значение должно быть числом.</translation>
    </message>
    <message>
        <source>The value must be a whole number of days from 0 to %1.</source>
        <translation>Значение должно быть целым числом дней от 0 до %1.</translation>
    </message>
    <message>
        <source>The value must be one of: %1.</source>
        <translation>Значение должно быть одним из: %1.</translation>
    </message>
    <message>
        <source>The value must be text of at most 500 characters.</source>
        <translation>Значение должно быть текстом не длиннее 500 символов.</translation>
    </message>
    <message>
        <source>The value must be the id of a saved segment.</source>
        <translation>Значение должно быть номером сохранённого сегмента.</translation>
    </message>
    <message>
        <source>There is no field &quot;%1&quot;.</source>
        <translation>Поля «%1» нет.</translation>
    </message>
    <message>
        <source>Unknown parameter &quot;%1&quot;.</source>
        <translation>Неизвестный параметр «%1».</translation>
    </message>
    <message>
        <source>Use 1 to 64 latin letters, digits or underscores.</source>
        <translation>Используйте от 1 до 64 латинских букв, цифр или подчёркиваний.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is required.</source>
        <translation>Нужно указать «%1».</translation>
    </message>
    <message>
        <source>&quot;%1&quot; takes no value.</source>
        <translation>Для «%1» значение не нужно.</translation>
    </message>
    <message>
        <source>&quot;between&quot; needs two values: [from, to].</source>
        <translation>Для «между» нужны два значения: от и до.</translation>
    </message>
    <message>
        <source>The operator &quot;%1&quot; does not apply; use one of: %2.</source>
        <translation>Оператор «%1» здесь не подходит; используйте один из: %2.</translation>
    </message>
</context>
<context>
    <name>LoyaltyDesk::Widgets::SearchBox</name>
    <message>
        <source>Phone, e-mail, card, cheque number or name  (Ctrl+F)</source>
        <translation>Телефон, e-mail, карта, номер чека или имя  (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search customers</source>
        <translation>Поиск клиентов</translation>
    </message>
</context>
<context>
    <name>LoyaltyDesk::Widgets::Sparkline</name>
    <message>
        <source>Not calculated yet</source>
        <translation>Ещё не рассчитан</translation>
    </message>
    <message>
        <source>%1 at the first calculation</source>
        <translation>%1 при первом расчёте</translation>
    </message>
    <message numerus="yes">
        <source>%1, unchanged over the last %n run(s)</source>
        <translation>
            <numerusform>%1, без изменений за последний %n пересчёт</numerusform>
            <numerusform>%1, без изменений за последние %n пересчёта</numerusform>
            <numerusform>%1, без изменений за последние %n пересчётов</numerusform>
        </translation>
    </message>
    <message>
        <source> (%1%2 %)</source>
        <translation> (%1%2 %)</translation>
    </message>
    <message numerus="yes">
        <source>%1 → %2%3 over the last %n run(s)</source>
        <translation>
            <numerusform>%1 → %2%3 за последний %n пересчёт</numerusform>
            <numerusform>%1 → %2%3 за последние %n пересчёта</numerusform>
            <numerusform>%1 → %2%3 за последние %n пересчётов</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LoyaltyDesk::Widgets::TagEditor</name>
    <message>
        <source>Remove “%1”</source>
        <translation>Удалить «%1»</translation>
    </message>
</context>
</TS>
