<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>AccountCard</name>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
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
        <source>Merge with…</source>
        <translation>Объединить с…</translation>
    </message>
    <message>
        <source>This card and another are the same organisation</source>
        <translation>Эта карточка и другая — одна и та же организация</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Восстановить</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>В архив</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Обзор</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>Досье</translation>
    </message>
    <message numerus="yes">
        <source>Contacts (%n)</source>
        <translation>
            <numerusform>Контакты (%n)</numerusform>
            <numerusform>Контакты (%n)</numerusform>
            <numerusform>Контакты (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Decision-making map</source>
        <translation>Карта ЛПР</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Хронология</translation>
    </message>
    <message numerus="yes">
        <source>Pharmacies (%n)</source>
        <translation>
            <numerusform>Аптеки (%n)</numerusform>
            <numerusform>Аптеки (%n)</numerusform>
            <numerusform>Аптеки (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Not saved: the database is busy with another program. Nothing is lost; try again in a moment.</source>
        <translation>Не сохранено: база данных занята другой программой. Ничего не потеряно — попробуйте ещё раз чуть позже.</translation>
    </message>
    <message>
        <source>The personal details were erased; the erasure goes to the office at the next sync.</source>
        <translation>Личные сведения стёрты; удаление уйдёт в офис при следующей синхронизации.</translation>
    </message>
</context>
<context>
    <name>AccountFilterBar</name>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Client type</source>
        <translation>Тип клиента</translation>
    </message>
    <message>
        <source>ABC</source>
        <translation>ABC</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Dossier: any</source>
        <translation>Досье: любое</translation>
    </message>
    <message>
        <source>Dossier below %1 %</source>
        <translation>Досье меньше %1 %</translation>
    </message>
    <message>
        <source>Show archived</source>
        <translation>Показать архивные</translation>
    </message>
    <message>
        <source>Name, city, INN, contact surname or phone</source>
        <translation>Название, город, ИНН, фамилия или телефон</translation>
    </message>
    <message>
        <source>Every word must match; case and ё/е do not matter (Ctrl+F)</source>
        <translation>Должно совпасть каждое слово; регистр и ё/е не важны (Ctrl+F)</translation>
    </message>
</context>
<context>
    <name>AccountKind</name>
    <message>
        <source>Hospital / clinic</source>
        <translation>ЛПУ / больница</translation>
    </message>
    <message>
        <source>Pharmacy chain</source>
        <translation>Аптечная сеть</translation>
    </message>
    <message>
        <source>Pharmacy</source>
        <translation>Аптека</translation>
    </message>
    <message>
        <source>Distributor</source>
        <translation>Дистрибьютор</translation>
    </message>
    <message>
        <source>Health authority</source>
        <translation>Орган здравоохранения</translation>
    </message>
    <message>
        <source>Compulsory health insurance fund</source>
        <translation>ТФОМС / ФОМС</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Другое</translation>
    </message>
</context>
<context>
    <name>AccountListModel</name>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Город</translation>
    </message>
    <message>
        <source>Client type</source>
        <translation>Тип клиента</translation>
    </message>
    <message>
        <source>ABC/XYZ</source>
        <translation>ABC/XYZ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <source>Next visit</source>
        <translation>След. визит</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>Досье</translation>
    </message>
    <message>
        <source>ABC/XYZ class: sales share (ABC) and how steady they are (XYZ)</source>
        <translation>Класс ABC/XYZ: доля в продажах (ABC) и их стабильность (XYZ)</translation>
    </message>
    <message>
        <source>The KAM who owns the account</source>
        <translation>KAM, ответственный за клиента</translation>
    </message>
    <message>
        <source>Next planned visit</source>
        <translation>Следующий запланированный визит</translation>
    </message>
    <message>
        <source>INN {inn}</source>
        <translation>ИНН {inn}</translation>
    </message>
    <message>
        <source>Dossier completeness</source>
        <translation>Заполненность досье</translation>
    </message>
</context>
<context>
    <name>AccountPicker</name>
    <message>
        <source>Merge with…</source>
        <translation>Объединить с…</translation>
    </message>
    <message>
        <source>Name, city or INN of the other card</source>
        <translation>Название, город или ИНН другой карточки</translation>
    </message>
    <message>
        <source>Compare and merge…</source>
        <translation>Сравнить и объединить…</translation>
    </message>
    <message>
        <source>Which card is the same organisation?</source>
        <translation>Какая карточка — та же организация?</translation>
    </message>
</context>
<context>
    <name>AccountStatus</name>
    <message>
        <source>Active</source>
        <translation>Активный</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>Под угрозой</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Потерян</translation>
    </message>
    <message>
        <source>Win back</source>
        <translation>Вернуть</translation>
    </message>
    <message>
        <source>Prospect</source>
        <translation>Потенциальный</translation>
    </message>
</context>
<context>
    <name>Analytics</name>
    <message>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Share of sales</source>
        <translation>Доля продаж</translation>
    </message>
    <message>
        <source>10 % of your sales or more: key by definition</source>
        <translation>10 % ваших продаж и больше: ключевой по определению</translation>
    </message>
    <message>
        <source>No sales in the period: not counted in the key group</source>
        <translation>Нет продаж за период: в ключевую группу не засчитан</translation>
    </message>
    <message>
        <source>Under 10 % of your sales: key by your own choice</source>
        <translation>Меньше 10 % ваших продаж: ключевой по вашему решению</translation>
    </message>
    <message>
        <source>Under 10 % of your sales: key by its type only</source>
        <translation>Меньше 10 % ваших продаж: ключевой только по типу</translation>
    </message>
    <message>
        <source>No client type given; key by your own choice</source>
        <translation>Тип клиента не задан; ключевой по вашему решению</translation>
    </message>
    <message>
        <source>No client type given</source>
        <translation>Тип клиента не задан</translation>
    </message>
    <message>
        <source>no sales in the period</source>
        <translation>нет продаж за период</translation>
    </message>
    <message>
        <source>Sales without VAT</source>
        <translation>Продажи без НДС</translation>
    </message>
    <message>
        <source>Pharmacies counted in</source>
        <translation>Учтено аптек</translation>
    </message>
    <message>
        <source>Not a pharmacy chain: no pharmacies to count in</source>
        <translation>Не аптечная сеть: учитывать аптеки не нужно</translation>
    </message>
    <message>
        <source>Working out the key clients…</source>
        <translation>Считаем ключевых клиентов…</translation>
    </message>
    <message>
        <source>Key clients</source>
        <translation>Ключевые клиенты</translation>
    </message>
    <message>
        <source>Sales without VAT from %1 to %2: %3</source>
        <translation>Продажи без НДС с %1 по %2: %3</translation>
    </message>
    <message>
        <source>No sales in the period: no client is key by the figures.</source>
        <translation>Продаж за период нет: по цифрам ни один клиент не ключевой.</translation>
    </message>
    <message>
        <source>within the usual 30–55%</source>
        <translation>в пределах обычных 30–55 %</translation>
    </message>
    <message>
        <source>below the usual 30–55%: your sales are spread, few real key clients</source>
        <translation>ниже обычных 30–55 %: продажи распылены, настоящих ключевых клиентов мало</translation>
    </message>
    <message>
        <source>above the usual 30–55%: much depends on few clients</source>
        <translation>выше обычных 30–55 %: многое зависит от немногих клиентов</translation>
    </message>
</context>
<context>
    <name>AnalyticsPage</name>
    <message numerus="yes">
        <source>%n key client(s) bring %1 of your sales, %2.</source>
        <translation>
            <numerusform>%n ключевой клиент приносит %1 ваших продаж, %2.</numerusform>
            <numerusform>%n ключевых клиента приносят %1 ваших продаж, %2.</numerusform>
            <numerusform>%n ключевых клиентов приносят %1 ваших продаж, %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more of a key-client type bought nothing in the period and are not counted.</source>
        <translation>
            <numerusform>Ещё %n клиент ключевого типа не покупал за период и не учтён.</numerusform>
            <numerusform>Ещё %n клиента ключевого типа не покупали за период и не учтены.</numerusform>
            <numerusform>Ещё %n клиентов ключевого типа не покупали за период и не учтены.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>The damaged database was kept as {path}; a new one was created.</source>
        <translation>Повреждённая база сохранена как {path}; создана новая.</translation>
    </message>
</context>
<context>
    <name>Approvals</name>
    <message>
        <source>the offer was deleted</source>
        <translation>предложение удалено</translation>
    </message>
    <message>
        <source>the discounts and the payment deferral are within the envelope: no approval is needed</source>
        <translation>скидки и отсрочка платежа в пределах допустимого: согласование не нужно</translation>
    </message>
    <message>
        <source>the offer is already with the manager</source>
        <translation>предложение уже на согласовании у руководителя</translation>
    </message>
    <message>
        <source>the offer is already approved</source>
        <translation>предложение уже согласовано</translation>
    </message>
    <message>
        <source>only the manager approves discounts</source>
        <translation>скидки согласует только руководитель</translation>
    </message>
    <message>
        <source>nobody approves their own discount</source>
        <translation>никто не согласует собственную скидку</translation>
    </message>
    <message>
        <source>this offer was not sent for approval</source>
        <translation>это предложение не отправляли на согласование</translation>
    </message>
    <message>
        <source>say why the discount is rejected</source>
        <translation>напишите, почему скидка отклонена</translation>
    </message>
    <message>
        <source>only the latest draft is approved</source>
        <translation>согласуется только последний черновик</translation>
    </message>
</context>
<context>
    <name>ApprovalsView</name>
    <message>
        <source>No offers are waiting for your approval.</source>
        <translation>Нет предложений, ожидающих вашего согласования.</translation>
    </message>
    <message>
        <source>Comment for the KAM (needed to reject)</source>
        <translation>Комментарий для КАМ (обязателен при отклонении)</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Согласовать</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Отклонить</translation>
    </message>
    <message>
        <source>Answer recorded; the KAM sees it after the next sync.</source>
        <translation>Ответ записан; КАМ увидит его после следующей синхронизации.</translation>
    </message>
</context>
<context>
    <name>Argparse</name>
    <message>
        <source>usage: </source>
        <translation>использование: </translation>
    </message>
    <message>
        <source>options</source>
        <translation>параметры</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>аргументы</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>показать эту справку и выйти</translation>
    </message>
    <message>
        <source>%(prog)s: error: %(message)s
</source>
        <translation>%(prog)s: ошибка: %(message)s
</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>аргумент %(argument_name)s: %(message)s</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>не хватает обязательных аргументов: %s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>непонятные аргументы: %s</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>недопустимое значение: %(value)r (выберите из: %(choices)s)</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>недопустимое значение (%(type)s): %(value)r</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>нужно одно значение</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>нужно не больше одного значения</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>нужно хотя бы одно значение</translation>
    </message>
    <message>
        <source>expected %s argument</source>
        <translation>нужно значений: %s</translation>
    </message>
    <message>
        <source>expected %s arguments</source>
        <translation>нужно значений: %s</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>неоднозначный параметр: %(option)s может означать %(matches)s</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>нельзя вместе с аргументом %s</translation>
    </message>
    <message>
        <source>ignored explicit argument %r</source>
        <translation>лишнее значение %r</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>нужен один из аргументов %s</translation>
    </message>
    <message>
        <source>can&apos;t open &apos;%(filename)s&apos;: %(error)s</source>
        <translation>не удаётся открыть «%(filename)s»: %(error)s</translation>
    </message>
</context>
<context>
    <name>Attitude</name>
    <message>
        <source>Supporter</source>
        <translation>Сторонник</translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation>Нейтрален</translation>
    </message>
    <message>
        <source>Opponent</source>
        <translation>Противник</translation>
    </message>
</context>
<context>
    <name>BackgroundSave</name>
    <message>
        <source>Saving…</source>
        <translation>Сохраняется…</translation>
    </message>
</context>
<context>
    <name>BackupCommand</name>
    <message>
        <source>backups of {db} in {folder}: {count}</source>
        <translation>резервных копий {db} в {folder}: {count}</translation>
    </message>
    <message>
        <source>--keep must be at least 1</source>
        <translation>--keep должно быть не меньше 1</translation>
    </message>
    <message>
        <source>no store at {db}; give --db</source>
        <translation>базы {db} нет; укажите --db</translation>
    </message>
    <message>
        <source>backed up {db}: {backup}</source>
        <translation>резервная копия {db}: {backup}</translation>
    </message>
    <message>
        <source>older backups deleted: {count}</source>
        <translation>удалено старых копий: {count}</translation>
    </message>
    <message>
        <source>restored {db} from {backup}</source>
        <translation>{db} восстановлена из копии {backup}</translation>
    </message>
    <message>
        <source>the store as it was is kept at {path}</source>
        <translation>прежняя база сохранена как {path}</translation>
    </message>
    <message>
        <source>{db} has no backups in {folder}</source>
        <translation>у {db} нет резервных копий в {folder}</translation>
    </message>
    <message>
        <source>no backup {backup}; `kamdesk backup list` shows those of {db}</source>
        <translation>нет копии {backup}; копии {db} показывает `kamdesk backup list`</translation>
    </message>
    <message>
        <source>clients: {count}</source>
        <translation>клиентов: {count}</translation>
    </message>
    <message>
        <source>clients: ?</source>
        <translation>клиентов: ?</translation>
    </message>
    <message>
        <source>{value} MB</source>
        <translation>{value} МБ</translation>
    </message>
    <message>
        <source>{value} KB</source>
        <translation>{value} КБ</translation>
    </message>
    <message>
        <source>list, create and restore backups of the store</source>
        <translation>резервные копии базы: список, создание, восстановление</translation>
    </message>
    <message>
        <source>Backups of the store (the file of --db) live in the &apos;backups&apos; folder beside it (kamdesk-YYYYMMDD-HHMMSS.backup.sqlite). KAMdesk makes one a day by itself and keeps the last 7 (Settings); restoring keeps the current store aside first.</source>
        <translation>Резервные копии базы (файла из --db) лежат в папке «backups» рядом с ней (kamdesk-ГГГГММДД-ЧЧММСС.backup.sqlite). KAMdesk сам делает одну копию в день и хранит последние 7 (Настройки); при восстановлении текущая база сначала откладывается в сторону.</translation>
    </message>
    <message>
        <source>the store&apos;s backups, newest first</source>
        <translation>резервные копии базы, сначала новые</translation>
    </message>
    <message>
        <source>The store&apos;s backups, newest first.</source>
        <translation>Резервные копии базы, сначала новые.</translation>
    </message>
    <message>
        <source>back the store up now</source>
        <translation>сделать резервную копию сейчас</translation>
    </message>
    <message>
        <source>Back the store up now.</source>
        <translation>Сделать резервную копию базы сейчас.</translation>
    </message>
    <message>
        <source>afterwards keep only this many newest backups (default: delete none)</source>
        <translation>после этого оставить только столько последних копий (по умолчанию ничего не удалять)</translation>
    </message>
    <message>
        <source>put a backup in place of the store (the store is kept aside first)</source>
        <translation>вернуть базу из резервной копии (текущая база сначала откладывается)</translation>
    </message>
    <message>
        <source>Put a backup in place of the store (the store is kept aside first).</source>
        <translation>Вернуть базу из резервной копии (текущая база сначала откладывается в сторону).</translation>
    </message>
    <message>
        <source>BACKUP</source>
        <translation>КОПИЯ</translation>
    </message>
    <message>
        <source>a file name as listed, a path, or &apos;latest&apos; (default)</source>
        <translation>имя файла из списка, путь или latest — последняя (по умолчанию)</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>There is no database at {path} to back up.</source>
        <translation>Базы {path} нет — копировать нечего.</translation>
    </message>
    <message>
        <source>There is no backup at {path}.</source>
        <translation>Резервной копии {path} нет.</translation>
    </message>
    <message>
        <source>{path} is not a KAMdesk backup.</source>
        <translation>{path} — не резервная копия KAMdesk.</translation>
    </message>
    <message>
        <source>{path} was made by a newer KAMdesk (schema {found}). Update KAMdesk to restore it; nothing was changed.</source>
        <translation>{path} создана более новой версией KAMdesk (схема {found}). Обновите KAMdesk, чтобы её восстановить; ничего не изменено.</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>{value} MB</source>
        <translation>{value} МБ</translation>
    </message>
    <message>
        <source>{value} KB</source>
        <translation>{value} КБ</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Создана</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Клиентов</translation>
    </message>
    <message>
        <source>Reading the backups…</source>
        <translation>Читаем резервные копии…</translation>
    </message>
    <message>
        <source>There are no backups of this database yet. KAMdesk makes one a day by itself; File ▸ Create backup makes one now.</source>
        <translation>Резервных копий этой базы пока нет. KAMdesk делает копию раз в день сам; Файл ▸ Создать резервную копию — сделать сейчас.</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>Восстановление из резервной копии</translation>
    </message>
    <message>
        <source>Restore the database as it was on {when}?</source>
        <translation>Вернуть базу к состоянию на {when}?</translation>
    </message>
    <message>
        <source>Everything entered since then is replaced by the backup. The database as it is now is kept as a copy in its folder (with «before-restore» in its name), so nothing is lost.</source>
        <translation>Всё, что внесено после этого, заменит резервная копия. Нынешняя база сохранится копией в той же папке (с «before-restore» в имени), так что ничего не пропадёт.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Восстановить</translation>
    </message>
    <message>
        <source>Backups of {path} are kept in {folder}. KAMdesk makes one a day by itself and keeps the last ones (Settings). Choose the one to go back to.</source>
        <translation>Резервные копии {path} хранятся в {folder}. KAMdesk делает копию раз в день сам и хранит последние (Настройки). Выберите, к какой вернуться.</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Восстановить…</translation>
    </message>
</context>
<context>
    <name>BoundForm</name>
    <message>
        <source>dd.mm.yyyy</source>
        <translation>дд.мм.гггг</translation>
    </message>
</context>
<context>
    <name>CancelDialog</name>
    <message>
        <source>Cancel it</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Не отменять</translation>
    </message>
</context>
<context>
    <name>Card</name>
    <message>
        <source>Personal details can be stored only after the contact has consented to the processing of personal data (152-FZ): record the consent and its date first.</source>
        <translation>Личные сведения можно хранить только после согласия контакта на обработку персональных данных (152-ФЗ): сначала отметьте согласие и его дату.</translation>
    </message>
    <message>
        <source>no such account</source>
        <translation>нет такой организации</translation>
    </message>
    <message>
        <source>a pharmacy&apos;s parent is a pharmacy chain</source>
        <translation>головной организацией аптеки может быть только аптечная сеть</translation>
    </message>
    <message>
        <source>an account cannot be its own parent</source>
        <translation>организация не может быть головной для самой себя</translation>
    </message>
    <message>
        <source>unknown value: {value}</source>
        <translation>неизвестное значение: {value}</translation>
    </message>
    <message>
        <source>this field cannot be empty</source>
        <translation>поле не может быть пустым</translation>
    </message>
    <message>
        <source>a date is required</source>
        <translation>нужна дата</translation>
    </message>
    <message>
        <source>not an amount in roubles: {value}</source>
        <translation>это не сумма в рублях: {value}</translation>
    </message>
    <message>
        <source>not a whole number: {value}</source>
        <translation>это не целое число: {value}</translation>
    </message>
    <message>
        <source>influence is from 1 to 5</source>
        <translation>влияние — от 1 до 5</translation>
    </message>
    <message>
        <source>not a date: {value}</source>
        <translation>это не дата: {value}</translation>
    </message>
    <message>
        <source>not a date (dd.mm.yyyy): {value}</source>
        <translation>это не дата (дд.мм.гггг): {value}</translation>
    </message>
</context>
<context>
    <name>CardFields</name>
    <message>
        <source>Note on the need</source>
        <translation>Примечание о потребности</translation>
    </message>
    <message>
        <source>Note on the ability to pay</source>
        <translation>Примечание о платёжеспособности</translation>
    </message>
    <message>
        <source>Note on the authority</source>
        <translation>Примечание о полномочиях</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <source>Parent organisation</source>
        <translation>Головная организация</translation>
    </message>
    <message>
        <source>Merged into</source>
        <translation>Объединена с</translation>
    </message>
    <message>
        <source>Note on why it left</source>
        <translation>Заметка о причине ухода</translation>
    </message>
    <message>
        <source>General notes</source>
        <translation>Общие заметки</translation>
    </message>
    <message>
        <source>Relationship stage</source>
        <translation>Стадия отношений</translation>
    </message>
    <message>
        <source>Relationship outlook</source>
        <translation>Перспективы отношений</translation>
    </message>
    <message>
        <source>Notes on the history</source>
        <translation>Заметки об истории</translation>
    </message>
    <message>
        <source>Notes on competitors</source>
        <translation>Заметки о конкурентах</translation>
    </message>
    <message>
        <source>Place on the map</source>
        <translation>Место на схеме</translation>
    </message>
    <message>
        <source>Personal notes</source>
        <translation>Личные заметки</translation>
    </message>
    <message>
        <source>Notes on the competitor</source>
        <translation>Заметки о конкуренте</translation>
    </message>
</context>
<context>
    <name>CardHeader</name>
    <message>
        <source>owner: %s</source>
        <translation>ответственный: %s</translation>
    </message>
    <message>
        <source>not planned</source>
        <translation>не запланирован</translation>
    </message>
    <message>
        <source>next visit: %s</source>
        <translation>следующий визит: %s</translation>
    </message>
    <message>
        <source>Dossier complete: %1</source>
        <translation>Досье заполнено: %1</translation>
    </message>
    <message>
        <source>Merged into «%s» and archived.</source>
        <translation>Объединён с «%s» и перенесён в архив.</translation>
    </message>
    <message>
        <source>This account is archived.</source>
        <translation>Клиент в архиве.</translation>
    </message>
    <message>
        <source>Client type</source>
        <translation>Тип клиента</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>Досье</translation>
    </message>
    <message>
        <source>why (a note)</source>
        <translation>почему (заметка)</translation>
    </message>
    <message>
        <source>Missing:</source>
        <translation>Не хватает:</translation>
    </message>
    <message>
        <source>Qualified: need, ability to pay and authority are all confirmed</source>
        <translation>Квалифицирован: потребность, платёжеспособность и полномочия подтверждены</translation>
    </message>
    <message>
        <source>Not qualified yet: all three P are needed</source>
        <translation>Ещё не квалифицирован: нужны все три П</translation>
    </message>
</context>
<context>
    <name>CardHints</name>
    <message>
        <source>Keep it: loyalty program, bonuses, VIP attention.</source>
        <translation>Удерживать: программа лояльности, бонусы, VIP-внимание.</translation>
    </message>
    <message>
        <source>Win it over from the competitors: it has the budget.</source>
        <translation>Переманивать у конкурентов: бюджет у него есть.</translation>
    </message>
    <message>
        <source>It lends us its name: special terms, priority service, individual discounts.</source>
        <translation>Даёт нам имя: особые условия, приоритетное обслуживание, индивидуальные скидки.</translation>
    </message>
    <message>
        <source>Hardest to serve: flawless quality and service; it shows our weak spots.</source>
        <translation>Самый требовательный: безупречное качество и сервис; он показывает наши слабые места.</translation>
    </message>
    <message>
        <source>Facts, figures and order: bring studies and a clear structure, leave time to think, never rush.</source>
        <translation>Факты, цифры и порядок: приносите исследования и чёткую структуру, дайте время подумать, не торопите.</translation>
    </message>
    <message>
        <source>Attention and compliments: let them talk, praise their ideas, show the big picture.</source>
        <translation>Внимание и комплименты: дайте выговориться, хвалите идеи, показывайте общую картину.</translation>
    </message>
    <message>
        <source>Brevity and results: come to the point, offer options to choose from, keep to time.</source>
        <translation>Краткость и результат: сразу к делу, предлагайте варианты на выбор, укладывайтесь во время.</translation>
    </message>
    <message>
        <source>Relationship and trust: take time for a personal word, be warm, avoid pressure.</source>
        <translation>Отношения и доверие: найдите время для личного разговора, будьте доброжелательны, не давите.</translation>
    </message>
</context>
<context>
    <name>CardStanding</name>
    <message>
        <source>Key client</source>
        <translation>Ключевой клиент</translation>
    </message>
    <message>
        <source>Why it left</source>
        <translation>Почему ушёл</translation>
    </message>
    <message>
        <source>How to win it back</source>
        <translation>Как вернуть</translation>
    </message>
    <message>
        <source>By the figures: its sales count to the chain «%1»</source>
        <translation>По цифрам: продажи считаются в сети «%1»</translation>
    </message>
    <message>
        <source>By the figures: no sales of %3 to judge by; %1 of 3 P confirmed</source>
        <translation>По цифрам: продаж %3 нет, судить не по чему; подтверждено %1 из 3 П</translation>
    </message>
    <message>
        <source>By the figures: no sales of yours to judge by; %1 of 3 P confirmed</source>
        <translation>По цифрам: ваших продаж нет, судить не по чему; подтверждено %1 из 3 П</translation>
    </message>
    <message>
        <source>By the figures: key — %1 of the sales of %3, %2 of 3 P confirmed</source>
        <translation>По цифрам: ключевой — %1 продаж КАМ %3, подтверждено %2 из 3 П</translation>
    </message>
    <message>
        <source>By the figures: not key — %1 of the sales of %3, %2 of 3 P confirmed</source>
        <translation>По цифрам: не ключевой — %1 продаж КАМ %3, подтверждено %2 из 3 П</translation>
    </message>
    <message>
        <source>By the figures: key — %1 of your sales, %2 of 3 P confirmed</source>
        <translation>По цифрам: ключевой — %1 ваших продаж, подтверждено %2 из 3 П</translation>
    </message>
    <message>
        <source>By the figures: not key — %1 of your sales, %2 of 3 P confirmed</source>
        <translation>По цифрам: не ключевой — %1 ваших продаж, подтверждено %2 из 3 П</translation>
    </message>
    <message>
        <source>Type «%1» is not borne out by the figures: %2 of sales against the norm of %3 or more</source>
        <translation>Тип «%1» не подтверждается цифрами: %2 продаж при норме от %3</translation>
    </message>
    <message>
        <source>buys every month</source>
        <translation>покупает каждый месяц</translation>
    </message>
    <message>
        <source>buys once a quarter</source>
        <translation>покупает раз в квартал</translation>
    </message>
    <message>
        <source>buys once every six months</source>
        <translation>покупает раз в полгода</translation>
    </message>
    <message>
        <source>buys once a year</source>
        <translation>покупает раз в год</translation>
    </message>
    <message>
        <source>one purchase in the period, no cycle to judge by</source>
        <translation>одна покупка за период, цикла не видно</translation>
    </message>
    <message>
        <source>%1, deviation %2 from its own cycle</source>
        <translation>%1, отклонение %2 от своего цикла</translation>
    </message>
    <message>
        <source>Open complaint of %1: %2</source>
        <translation>Открытая жалоба от %1: %2</translation>
    </message>
    <message>
        <source>Resolve in the dossier…</source>
        <translation>Решить в досье…</translation>
    </message>
    <message>
        <source>not decided</source>
        <translation>не решено</translation>
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
        <source>Key by the figures: 10 % of your sales or more, and all three P confirmed (need, ability to pay, authority)</source>
        <translation>Ключевой по цифрам: от 10 % ваших продаж и подтверждены все три П (потребность, платёжеспособность, полномочия)</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>не известно</translation>
    </message>
    <message>
        <source>what happened (a note)</source>
        <translation>что случилось (заметка)</translation>
    </message>
    <message>
        <source>a special offer, gifts, discounts…</source>
        <translation>спецпредложение, подарки, скидки…</translation>
    </message>
</context>
<context>
    <name>ChainPharmacies</name>
    <message>
        <source>Pharmacy</source>
        <translation>Аптека</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Город</translation>
    </message>
    <message>
        <source>Sales, 12 months</source>
        <translation>Продажи за 12 месяцев</translation>
    </message>
    <message>
        <source>Share of the chain</source>
        <translation>Доля в сети</translation>
    </message>
    <message>
        <source>Chain&apos;s ABC</source>
        <translation>ABC сети</translation>
    </message>
    <message>
        <source>The chain&apos;s ABC class: a pharmacy of the chain is not classed on its own</source>
        <translation>Класс ABC сети: аптеки сети отдельно не классифицируются</translation>
    </message>
    <message>
        <source>The chain&apos;s class, not the pharmacy&apos;s own</source>
        <translation>Класс сети, а не самой аптеки</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>Последний визит</translation>
    </message>
</context>
<context>
    <name>ChecklistView</name>
    <message>
        <source>Select a planned visit to see how ready you are for it.</source>
        <translation>Выберите запланированный визит, чтобы увидеть, насколько вы к нему готовы.</translation>
    </message>
    <message>
        <source>The share of the checklist done: checks count twice, reminders once. 100 % only when every item is done.</source>
        <translation>Доля выполненного чек-листа: проверки весят вдвое больше напоминаний. 100 % — только когда выполнены все пункты.</translation>
    </message>
    <message numerus="yes">
        <source>not ready: %n critical item(s)</source>
        <translation>
            <numerusform>не готов: %n критичный пункт</numerusform>
            <numerusform>не готов: %n критичных пункта</numerusform>
            <numerusform>не готов: %n критичных пунктов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>и ещё %n</numerusform>
            <numerusform>и ещё %n</numerusform>
            <numerusform>и ещё %n</numerusform>
        </translation>
    </message>
    <message>
        <source>ready: every item is done</source>
        <translation>готов: все пункты выполнены</translation>
    </message>
    <message numerus="yes">
        <source>nearly ready: %n item(s) left</source>
        <translation>
            <numerusform>почти готов: остался %n пункт</numerusform>
            <numerusform>почти готов: осталось %n пункта</numerusform>
            <numerusform>почти готов: осталось %n пунктов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>not ready: %n item(s) left</source>
        <translation>
            <numerusform>не готов: остался %n пункт</numerusform>
            <numerusform>не готов: осталось %n пункта</numerusform>
            <numerusform>не готов: осталось %n пунктов</numerusform>
        </translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Заметка: %1</translation>
    </message>
    <message>
        <source>Fix</source>
        <translation>Исправить</translation>
    </message>
</context>
<context>
    <name>ChoiceFilterButton</name>
    <message>
        <source>all</source>
        <translation>все</translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>выбран %n</numerusform>
            <numerusform>выбрано %n</numerusform>
            <numerusform>выбрано %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Показать все</translation>
    </message>
</context>
<context>
    <name>ClientType</name>
    <message>
        <source>Breadwinner</source>
        <translation>Кормилец</translation>
    </message>
    <message>
        <source>Prospect</source>
        <translation>Перспективный</translation>
    </message>
    <message>
        <source>Image-maker</source>
        <translation>Имиджмейкер</translation>
    </message>
    <message>
        <source>Expert</source>
        <translation>Эксперт</translation>
    </message>
    <message>
        <source>Brings 10 % of profit or more, loyal, long-term: keep and reward</source>
        <translation>Приносит 10 % прибыли и больше, лоялен, работает долго: удерживать и поощрять</translation>
    </message>
    <message>
        <source>Small today but with a big budget, often a competitor&apos;s breadwinner</source>
        <translation>Сегодня невелик, но с большим бюджетом; часто — кормилец конкурента</translation>
    </message>
    <message>
        <source>A famous name that gives reputation; expects special terms</source>
        <translation>Известное имя, даёт репутацию; ждёт особых условий</translation>
    </message>
    <message>
        <source>Demanding and knowledgeable; exposes weak spots</source>
        <translation>Требователен и хорошо знает рынок; вскрывает слабые места</translation>
    </message>
</context>
<context>
    <name>ClientsPage</name>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>Select the two accounts to merge in the list.</source>
        <translation>Выберите в списке два клиента для объединения.</translation>
    </message>
    <message numerus="yes">
        <source>Counting… of {total} accounts</source>
        <translation>
            <numerusform>Считаем… из {total} клиента</numerusform>
            <numerusform>Считаем… из {total} клиентов</numerusform>
            <numerusform>Считаем… из {total} клиентов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of {total} accounts</source>
        <translation>
            <numerusform>{shown} из {total} клиента</numerusform>
            <numerusform>{shown} из {total} клиентов</numerusform>
            <numerusform>{shown} из {total} клиентов</numerusform>
        </translation>
    </message>
    <message>
        <source>This account no longer exists.</source>
        <translation>Этого клиента больше нет в базе.</translation>
    </message>
    <message>
        <source>Client list</source>
        <translation>Список клиентов</translation>
    </message>
    <message>
        <source>Double-click or Enter opens the account</source>
        <translation>Двойной щелчок или Enter открывает карточку клиента</translation>
    </message>
    <message>
        <source>New account…</source>
        <translation>Новый клиент…</translation>
    </message>
    <message>
        <source>Create an account (Ctrl+N)</source>
        <translation>Создать клиента (Ctrl+N)</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>Объединить…</translation>
    </message>
    <message>
        <source>Select two cards of the same organisation (Ctrl+click) to merge them</source>
        <translation>Выделите две карточки одной организации (Ctrl+щелчок), чтобы объединить их</translation>
    </message>
    <message>
        <source>There are no accounts in this database yet. To try KAMdesk, create a new database with the demo territory (File ▸ New database…).</source>
        <translation>В этой базе пока нет клиентов. Чтобы посмотреть KAMdesk в работе, создайте новую базу с демо-территорией (Файл ▸ Новая база…).</translation>
    </message>
</context>
<context>
    <name>ComingPage</name>
    <message>
        <source>Coming in a later version</source>
        <translation>Появится в следующих версиях</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>error</source>
        <translation>ошибка</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>предупреждение</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>прервано</translation>
    </message>
    <message>
        <source>; the details are in {path}</source>
        <translation>; подробности в {path}</translation>
    </message>
    <message>
        <source>internal error</source>
        <translation>внутренняя ошибка</translation>
    </message>
    <message>
        <source>ACTION</source>
        <translation>ДЕЙСТВИЕ</translation>
    </message>
    <message>
        <source>actions</source>
        <translation>действия</translation>
    </message>
    <message>
        <source>start the application window (the default)</source>
        <translation>открыть окно программы (по умолчанию)</translation>
    </message>
    <message>
        <source>Start the application window, in the language of its settings.</source>
        <translation>Открыть окно программы на языке из её настроек.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>ФАЙЛ</translation>
    </message>
    <message>
        <source>cannot write {path}: {error}</source>
        <translation>не удаётся записать {path}: {error}</translation>
    </message>
    <message>
        <source>DD.MM.YYYY or YYYY-MM-DD</source>
        <translation>ДД.ММ.ГГГГ или ГГГГ-ММ-ДД</translation>
    </message>
    <message>
        <source>not a date: {text} (type {format}, e.g. 12.05.2026)</source>
        <translation>это не дата: {text} (введите {format}, например 12.05.2026)</translation>
    </message>
    <message>
        <source>not a whole number: {text}</source>
        <translation>это не целое число: {text}</translation>
    </message>
    <message>
        <source>unknown time zone: {text} (e.g. Europe/Moscow)</source>
        <translation>неизвестный часовой пояс: {text} (например, Europe/Moscow)</translation>
    </message>
    <message>
        <source>common options (before or after the command)</source>
        <translation>общие параметры (до или после команды)</translation>
    </message>
    <message>
        <source>ZONE</source>
        <translation>ПОЯС</translation>
    </message>
    <message>
        <source>the store (database file) to use; default: ${env} or {path}</source>
        <translation>база (файл базы данных); по умолчанию ${env} или {path}</translation>
    </message>
    <message>
        <source>the time zone visits are shown and cut into days in, e.g. Europe/Samara; default: this computer&apos;s, as in the window ({zone})</source>
        <translation>часовой пояс, в котором показываются визиты и считаются дни, например Europe/Samara; по умолчанию — пояс этого компьютера, как в окне ({zone})</translation>
    </message>
    <message>
        <source>the language of the output and of the documents written: ru or en; default: the system&apos;s (LANG), now {language}</source>
        <translation>язык вывода и создаваемых документов: ru или en; по умолчанию — язык системы (LANG), сейчас {language}</translation>
    </message>
    <message>
        <source>environment variables:</source>
        <translation>переменные окружения:</translation>
    </message>
    <message>
        <source>  {name}  the store to use when --db is not given</source>
        <translation>  {name}  база, если не указан --db</translation>
    </message>
    <message>
        <source>  {name}  one folder for KAMdesk&apos;s data, settings and logs, e.g. for a portable install; backups go to a &apos;backups&apos; folder beside the store, wherever the store is</source>
        <translation>  {name}  одна папка для данных, настроек и журналов KAMdesk, например для переносной установки; резервные копии записываются в папку &apos;backups&apos; рядом с базой, где бы она ни была</translation>
    </message>
    <message>
        <source>  {name}  the passphrase of encrypted stores, instead of the key in the system keyring (scripts, machines without a keyring)</source>
        <translation>  {name}  пароль зашифрованных баз вместо ключа в системном хранилище ключей (скрипты, компьютеры без хранилища)</translation>
    </message>
    <message>
        <source>  {name}  &apos;off&apos; makes new stores without encryption (tests, trials)</source>
        <translation>  {name}  off — новые базы создаются без шифрования (тесты, пробы)</translation>
    </message>
    <message>
        <source>  {name}  the language, when --lang is not given</source>
        <translation>  {name}  язык, если не указан --lang</translation>
    </message>
    <message>
        <source>Dates are typed as {format}.</source>
        <translation>Даты вводятся как {format}.</translation>
    </message>
    <message>
        <source>DATE</source>
        <translation>ДАТА</translation>
    </message>
    <message>
        <source>KAMdesk: the offline-first workstation of a pharmaceutical Key Account Manager. Without a command it starts the application window.</source>
        <translation>KAMdesk: рабочее место менеджера по ключевым клиентам фармацевтической компании, работающее и без сети. Без команды открывает окно программы.</translation>
    </message>
    <message>
        <source>print the version and stop</source>
        <translation>показать версию и выйти</translation>
    </message>
    <message>
        <source>COMMAND</source>
        <translation>КОМАНДА</translation>
    </message>
    <message>
        <source>commands</source>
        <translation>команды</translation>
    </message>
</context>
<context>
    <name>ComparisonsEditor</name>
    <message>
        <source>Competitor</source>
        <translation>Конкурент</translation>
    </message>
    <message>
        <source>Their product</source>
        <translation>Их препарат</translation>
    </message>
    <message>
        <source>Their price</source>
        <translation>Их цена</translation>
    </message>
    <message>
        <source>Our advantages</source>
        <translation>Наши преимущества</translation>
    </message>
    <message>
        <source>Their advantages</source>
        <translation>Их преимущества</translation>
    </message>
    <message>
        <source>Add a competitor</source>
        <translation>Добавить конкурента</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
</context>
<context>
    <name>ContactsTab</name>
    <message>
        <source>Full name of a new contact</source>
        <translation>ФИО нового контакта</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <source>Remove contact</source>
        <translation>Удалить контакт</translation>
    </message>
    <message>
        <source>No contacts yet: add the people who decide.</source>
        <translation>Контактов пока нет: добавьте тех, кто принимает решения.</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <source>Surname</source>
        <translation>Фамилия</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Patronymic</source>
        <translation>Отчество</translation>
    </message>
    <message>
        <source>How to address</source>
        <translation>Обращение</translation>
    </message>
    <message>
        <source>e.g. Пётр Сергеевич</source>
        <translation>например, Пётр Сергеевич</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Отдел</translation>
    </message>
    <message>
        <source>Work phone</source>
        <translation>Рабочий телефон</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>Мобильный телефон</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>Role in the decision</source>
        <translation>Роль в решении</translation>
    </message>
    <message>
        <source>DMU role</source>
        <translation>Роль в закупке</translation>
    </message>
    <message>
        <source>Influence</source>
        <translation>Влияние</translation>
    </message>
    <message>
        <source>Attitude to us</source>
        <translation>Отношение к нам</translation>
    </message>
    <message>
        <source>Psychotype</source>
        <translation>Психотип</translation>
    </message>
    <message>
        <source>Opinion leader</source>
        <translation>Лидер мнений</translation>
    </message>
    <message>
        <source>Key opinion leader (KOL)</source>
        <translation>Лидер мнений (KOL)</translation>
    </message>
    <message>
        <source>Reports to</source>
        <translation>Подчиняется</translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>Персональные данные</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Согласие</translation>
    </message>
    <message>
        <source>Consented to personal-data processing</source>
        <translation>Дал согласие на обработку персональных данных</translation>
    </message>
    <message>
        <source>Consent given on</source>
        <translation>Дата согласия</translation>
    </message>
    <message>
        <source>Consent is not given but personal details are kept: the law (152-FZ) wants them erased within 30 days of a withdrawal.</source>
        <translation>Согласия нет, а личные сведения хранятся: по закону (152-ФЗ) после отзыва согласия их нужно стереть в течение 30 дней.</translation>
    </message>
    <message>
        <source>Erase personal details…</source>
        <translation>Стереть личные сведения…</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>День рождения</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Образование</translation>
    </message>
    <message>
        <source>Previous jobs</source>
        <translation>Прежние места работы</translation>
    </message>
    <message>
        <source>Military service</source>
        <translation>Военная служба</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Семья</translation>
    </message>
    <message>
        <source>Hobbies and sports</source>
        <translation>Хобби и спорт</translation>
    </message>
    <message>
        <source>What concerns them now</source>
        <translation>Что волнует сейчас</translation>
    </message>
    <message>
        <source>Smoking</source>
        <translation>Курение</translation>
    </message>
    <message>
        <source>Alcohol</source>
        <translation>Алкоголь</translation>
    </message>
    <message>
        <source>Food preferences</source>
        <translation>Предпочтения в еде</translation>
    </message>
    <message>
        <source>Topics to avoid</source>
        <translation>Каких тем избегать</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
</context>
<context>
    <name>CoordinatesField</name>
    <message>
        <source>latitude, longitude, e.g. 56.8587, 35.9176</source>
        <translation>широта, долгота, например 56.8587, 35.9176</translation>
    </message>
    <message>
        <source>Copy them from a map. With the place&apos;s coordinates (and home&apos;s in Settings) the checklist works out when to leave.</source>
        <translation>Скопируйте их с карты. По координатам места (и дома — в настройках) чек-лист рассчитает, когда выезжать.</translation>
    </message>
</context>
<context>
    <name>CycleTexts</name>
    <message numerus="yes">
        <source>buys every %n month(s)</source>
        <translation>
            <numerusform>покупает раз в %n месяц</numerusform>
            <numerusform>покупает раз в %n месяца</numerusform>
            <numerusform>покупает раз в %n месяцев</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DatabaseCommands</name>
    <message>
        <source>New database</source>
        <translation>Новая база данных</translation>
    </message>
    <message>
        <source>KAMdesk databases (*.sqlite)</source>
        <translation>Базы KAMdesk (*.sqlite)</translation>
    </message>
    <message>
        <source>{path} already exists. KAMdesk never overwrites a database: choose another name, or open this one with File ▸ Open database…</source>
        <translation>{path} уже существует. KAMdesk никогда не перезаписывает базу: выберите другое имя или откройте эту через Файл ▸ Открыть базу данных…</translation>
    </message>
    <message>
        <source>{path} is the database already open.</source>
        <translation>{path} — эта база уже открыта.</translation>
    </message>
    <message>
        <source>Demo territory</source>
        <translation>Демо-территория</translation>
    </message>
    <message>
        <source>Creating the demo territory…</source>
        <translation>Создаётся демо-территория…</translation>
    </message>
    <message>
        <source>The demo territory is ready.</source>
        <translation>Демо-территория готова.</translation>
    </message>
    <message>
        <source>Creating a backup…</source>
        <translation>Создаём резервную копию…</translation>
    </message>
    <message>
        <source>Backup saved: {path}</source>
        <translation>Резервная копия сохранена: {path}</translation>
    </message>
    <message>
        <source>The daily backup could not be made: {reason}</source>
        <translation>Ежедневную резервную копию сделать не удалось: {reason}</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>Восстановление из резервной копии</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>Восстанавливаем резервную копию…</translation>
    </message>
    <message>
        <source>Restored the backup of {when}. The database as it was is kept at {path}.</source>
        <translation>Восстановлена резервная копия от {when}. Прежняя база сохранена как {path}.</translation>
    </message>
    <message>
        <source>Restored the backup of {when}.</source>
        <translation>Восстановлена резервная копия от {when}.</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>Pick a date on the calendar</source>
        <translation>Выбрать дату в календаре</translation>
    </message>
</context>
<context>
    <name>DateTimeField</name>
    <message>
        <source>dd.mm.yyyy hh:mm</source>
        <translation>дд.мм.гггг чч:мм</translation>
    </message>
    <message>
        <source>Pick a date on the calendar</source>
        <translation>Выбрать дату в календаре</translation>
    </message>
    <message>
        <source>There is no such date or time: «%1». Type it as 08.12.2026 14:30.</source>
        <translation>Такой даты или времени нет: «%1». Введите, например, 08.12.2026 14:30.</translation>
    </message>
    <message>
        <source>The start has passed</source>
        <translation>Начало уже прошло</translation>
    </message>
    <message>
        <source>%1 has already passed. Save it at this time anyway (e.g. to record a call already made)?</source>
        <translation>%1 — это время уже прошло. Всё равно сохранить на это время (например, чтобы записать уже сделанный звонок)?</translation>
    </message>
</context>
<context>
    <name>DayModel</name>
    <message>
        <source>travel time unknown</source>
        <translation>время в пути неизвестно</translation>
    </message>
    <message>
        <source>%1 min on the way</source>
        <translation>в пути %1 мин</translation>
    </message>
    <message>
        <source>(entered by hand)</source>
        <translation>(задано вручную)</translation>
    </message>
    <message>
        <source>leave at %1</source>
        <translation>выезд в %1</translation>
    </message>
    <message>
        <source>OVERLAPS the previous visit</source>
        <translation>НАКЛАДЫВАЕТСЯ на предыдущий визит</translation>
    </message>
    <message>
        <source>LATE by %1 min</source>
        <translation>ОПОЗДАНИЕ на %1 мин</translation>
    </message>
    <message>
        <source>gap too short by %1 min</source>
        <translation>не хватает %1 мин на дорогу</translation>
    </message>
</context>
<context>
    <name>DeferralLimits</name>
    <message>
        <source>Payment deferral envelope, days</source>
        <translation>Допустимая отсрочка платежа, дней</translation>
    </message>
    <message>
        <source>The longest payment deferral a KAM may give without the manager&apos;s approval, by the account&apos;s ABC class; «—» takes «any class».</source>
        <translation>Наибольшая отсрочка платежа, которую КАМ может дать без согласования руководителя, по ABC-классу клиента; «—» — как для любого класса.</translation>
    </message>
    <message>
        <source>Any class</source>
        <translation>Любой класс</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>ABC-XYZ classification</source>
        <translation>классификация ABC–XYZ</translation>
    </message>
    <message>
        <source>dossier completeness</source>
        <translation>заполненность досье</translation>
    </message>
    <message>
        <source>commercial offers</source>
        <translation>коммерческие предложения</translation>
    </message>
    <message>
        <source>done</source>
        <translation>готово</translation>
    </message>
    <message>
        <source>team and territory</source>
        <translation>команда и территория</translation>
    </message>
    <message>
        <source>products and price lists</source>
        <translation>препараты и прайс-листы</translation>
    </message>
    <message>
        <source>accounts</source>
        <translation>клиенты</translation>
    </message>
    <message>
        <source>contacts</source>
        <translation>контакты</translation>
    </message>
    <message>
        <source>dossiers and relationship history</source>
        <translation>досье и история отношений</translation>
    </message>
    <message>
        <source>sales records</source>
        <translation>продажи</translation>
    </message>
    <message>
        <source>visits and reports</source>
        <translation>визиты и отчёты</translation>
    </message>
    <message>
        <source>account statistics</source>
        <translation>показатели клиентов</translation>
    </message>
</context>
<context>
    <name>DemoCommand</name>
    <message>
        <source>N</source>
        <translation>ЧИСЛО</translation>
    </message>
    <message>
        <source>create a demo store: a Russian pharma territory, the same for a seed</source>
        <translation>создать демонстрационную базу: фармацевтическую территорию, одинаковую для одного зерна</translation>
    </message>
    <message>
        <source>Create a demo store (the file of --db) with hospitals, pharmacy chains, distributors and a health ministry, their contacts, products, three years of monthly sales, visits and reports. The same seed gives the same territory. The store is built beside its file and put in place only when complete, so an interrupted build leaves nothing half-made.</source>
        <translation>Создать демонстрационную базу (файл из --db): больницы, аптечные сети, дистрибьюторы и министерство здравоохранения, их контакты, препараты, продажи по месяцам за три года, визиты и отчёты. Одно и то же зерно даёт одну и ту же территорию. База собирается рядом со своим файлом и ставится на место только готовой, так что прерванная сборка не оставляет ничего недоделанного.</translation>
    </message>
    <message>
        <source>number of clients (300)</source>
        <translation>число клиентов (300)</translation>
    </message>
    <message>
        <source>random seed (1)</source>
        <translation>зерно случайных чисел (1)</translation>
    </message>
    <message>
        <source>years of sales history (3)</source>
        <translation>лет истории продаж (3)</translation>
    </message>
    <message>
        <source>if the store already exists, move it aside with its -wal and -shm (kept as a .replaced copy) once the new one is complete</source>
        <translation>если база уже есть, отложить её вместе с -wal и -shm (остаётся копией .replaced), когда новая будет готова</translation>
    </message>
    <message>
        <source>whose laptop it is: the hospital, pharmacy-chain or distributor KAM (hospital); that KAM&apos;s visits, calls and offers are in the demo</source>
        <translation>чей это ноутбук: госпитального КАМ, КАМ аптечных сетей или КАМ дистрибьюторов (госпитального); в демо — визиты, звонки и КП этого КАМ</translation>
    </message>
    <message>
        <source>--accounts and --years must be at least 1</source>
        <translation>--accounts и --years должны быть не меньше 1</translation>
    </message>
    <message>
        <source>{db} already exists; choose another --db or add --replace (the existing file is kept as a .replaced copy)</source>
        <translation>{db} уже существует; укажите другой --db или добавьте --replace (имеющийся файл сохранится копией .replaced)</translation>
    </message>
    <message>
        <source>kept the previous store as {path}</source>
        <translation>прежняя база сохранена как {path}</translation>
    </message>
    <message>
        <source>{db}: {summary} in {seconds} s</source>
        <translation>{db}: {summary} за {seconds} с</translation>
    </message>
    <message>
        <source>{folder} is not a folder; choose another --db</source>
        <translation>{folder} — не папка; укажите другой --db</translation>
    </message>
    <message>
        <source>there is no folder {folder}; create it first or choose another --db</source>
        <translation>папки {folder} нет; создайте её или укажите другой --db</translation>
    </message>
    <message>
        <source>clients</source>
        <translation>клиенты</translation>
    </message>
    <message>
        <source>contacts</source>
        <translation>контакты</translation>
    </message>
    <message>
        <source>personal records</source>
        <translation>личные сведения</translation>
    </message>
    <message>
        <source>products</source>
        <translation>препараты</translation>
    </message>
    <message>
        <source>price lists</source>
        <translation>прайс-листы</translation>
    </message>
    <message>
        <source>sales records</source>
        <translation>записи продаж</translation>
    </message>
    <message>
        <source>visits</source>
        <translation>визиты</translation>
    </message>
    <message>
        <source>reports</source>
        <translation>отчёты</translation>
    </message>
    <message>
        <source>follow-up tasks</source>
        <translation>задачи после визитов</translation>
    </message>
    <message>
        <source>dossiers</source>
        <translation>досье</translation>
    </message>
    <message>
        <source>relationship events</source>
        <translation>события отношений</translation>
    </message>
    <message>
        <source>competitors</source>
        <translation>конкуренты</translation>
    </message>
    <message>
        <source>users</source>
        <translation>пользователи</translation>
    </message>
    <message>
        <source>offers</source>
        <translation>КП</translation>
    </message>
</context>
<context>
    <name>DialogPrompts</name>
    <message>
        <source>Welcome to KAMdesk</source>
        <translation>Добро пожаловать в KAMdesk</translation>
    </message>
    <message>
        <source>The database {path} does not exist yet.</source>
        <translation>Базы данных {path} пока нет.</translation>
    </message>
    <message>
        <source>There is no KAMdesk database on this computer yet.</source>
        <translation>На этом компьютере ещё нет базы KAMdesk.</translation>
    </message>
    <message>
        <source>Start with an empty database to enter your own clients, or load the demo territory: a Russian region with hospitals, pharmacy chains, distributors and a health ministry, their contacts, visits and three years of sales. The demo is a good way to look around; your own work is best kept in a separate database.

The database will be created at:
{path}</source>
        <translation>Начните с пустой базы, чтобы вносить своих клиентов, или загрузите демо-территорию: российский регион с больницами, аптечными сетями, дистрибьюторами и министерством здравоохранения, их контактами, визитами и продажами за три года. Демо удобно для знакомства; свою работу лучше вести в отдельной базе.

База будет создана здесь:
{path}</translation>
    </message>
    <message>
        <source>Start with an empty database</source>
        <translation>Начать с пустой базы</translation>
    </message>
    <message>
        <source>Load the demo territory</source>
        <translation>Загрузить демо-территорию</translation>
    </message>
    <message>
        <source>The demo generator is not installed with this copy.</source>
        <translation>В этой копии нет генератора демо-данных.</translation>
    </message>
    <message>
        <source>Database from a newer KAMdesk</source>
        <translation>База из более новой версии KAMdesk</translation>
    </message>
    <message>
        <source>{path} was written by a newer version of KAMdesk.</source>
        <translation>Файл {path} записан более новой версией KAMdesk.</translation>
    </message>
    <message>
        <source>This version cannot read it safely, so the file was not opened and not changed. Update KAMdesk, or open another database.

Database version: {found}; this KAMdesk knows up to {known}.</source>
        <translation>Эта версия не может безопасно его прочитать, поэтому файл не открыт и не изменён. Обновите KAMdesk или откройте другую базу.

Версия базы: {found}; эта версия KAMdesk знает до {known}.</translation>
    </message>
    <message>
        <source>Open another file…</source>
        <translation>Открыть другой файл…</translation>
    </message>
    <message>
        <source>The database is damaged</source>
        <translation>База данных повреждена</translation>
    </message>
    <message>
        <source>{path} is damaged and cannot be opened.</source>
        <translation>Файл {path} повреждён и не открывается.</translation>
    </message>
    <message>
        <source>Nothing was overwritten. You can open a backup copy, or create a new database: the damaged file is then kept beside it under a new name, so that it can still be recovered.</source>
        <translation>Ничего не перезаписано. Можно открыть резервную копию или создать новую базу: повреждённый файл тогда останется рядом под другим именем, и его ещё можно будет восстановить.</translation>
    </message>
    <message>
        <source>Open a backup copy…</source>
        <translation>Открыть резервную копию…</translation>
    </message>
    <message>
        <source>Create a new database</source>
        <translation>Создать новую базу</translation>
    </message>
    <message>
        <source>The database cannot be opened</source>
        <translation>Базу данных не удаётся открыть</translation>
    </message>
    <message>
        <source>KAMdesk cannot use the database right now.</source>
        <translation>KAMdesk сейчас не может работать с базой данных.</translation>
    </message>
    <message>
        <source>{reason}

If another program has it open, close that program and try again; if the disk is full, free some space.</source>
        <translation>{reason}

Если база открыта в другой программе, закройте её и попробуйте снова; если диск заполнен, освободите место.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>The database is already open</source>
        <translation>База уже открыта</translation>
    </message>
    <message>
        <source>{path} is already open in another KAMdesk window.</source>
        <translation>База {path} уже открыта в другом окне KAMdesk.</translation>
    </message>
    <message>
        <source>It is open in process {pid} on the computer {host}.</source>
        <translation>Её держит процесс {pid} на компьютере {host}.</translation>
    </message>
    <message>
        <source>Two windows on one database would not see each other&apos;s changes, so this one was not opened and nothing was written to it. Switch to that window, or open another database.</source>
        <translation>Два окна на одной базе не видели бы изменений друг друга, поэтому здесь она не открыта и в неё ничего не записано. Перейдите в то окно или откройте другую базу.</translation>
    </message>
    <message>
        <source>Open another database…</source>
        <translation>Открыть другую базу…</translation>
    </message>
    <message>
        <source>Open a backup copy</source>
        <translation>Открыть резервную копию</translation>
    </message>
    <message>
        <source>Open a database</source>
        <translation>Открыть базу данных</translation>
    </message>
    <message>
        <source>KAMdesk databases ({patterns});;All files (*)</source>
        <translation>Базы KAMdesk ({patterns});;Все файлы (*)</translation>
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
    <name>DmuMap</name>
    <message>
        <source>Columns: role · height: influence · colour: &lt;span style=&quot;color:#2e7d32&quot;&gt;supporter&lt;/span&gt;, &lt;span style=&quot;color:#757575&quot;&gt;neutral&lt;/span&gt;, &lt;span style=&quot;color:#c62828&quot;&gt;opponent&lt;/span&gt;, dashed: unknown · lines: reports to · ★ opinion leader. Drag people to arrange them.</source>
        <translation>Столбцы: роль · высота: влияние · цвет: &lt;span style=&quot;color:#2e7d32&quot;&gt;сторонник&lt;/span&gt;, &lt;span style=&quot;color:#757575&quot;&gt;нейтрален&lt;/span&gt;, &lt;span style=&quot;color:#c62828&quot;&gt;противник&lt;/span&gt;, пунктир: неизвестно · линии: подчинение · ★ лидер мнений. Людей можно перетаскивать.</translation>
    </message>
    <message>
        <source>Automatic layout</source>
        <translation>Расставить автоматически</translation>
    </message>
    <message>
        <source>Gaps: %s</source>
        <translation>Пробелы: %s</translation>
    </message>
    <message>
        <source>No gaps in the map.</source>
        <translation>Пробелов нет.</translation>
    </message>
    <message>
        <source>Role unknown</source>
        <translation>Роль неизвестна</translation>
    </message>
    <message>
        <source>no decision maker known</source>
        <translation>не известен ЛПР</translation>
    </message>
    <message>
        <source>no finance contact</source>
        <translation>нет контакта в финансах</translation>
    </message>
    <message>
        <source>no technical expert known</source>
        <translation>не известен технический эксперт</translation>
    </message>
    <message>
        <source>no supporter in the decision-making unit</source>
        <translation>среди участников решения нет сторонника</translation>
    </message>
    <message>
        <source>the decision maker {name} is against us</source>
        <translation>ЛПР против нас: {name}</translation>
    </message>
    <message>
        <source>psychotype of {name} unknown</source>
        <translation>неизвестен психотип: {name}</translation>
    </message>
    <message>
        <source>role unknown: {names}</source>
        <translation>роль неизвестна: {names}</translation>
    </message>
</context>
<context>
    <name>DmuRole</name>
    <message>
        <source>Decision-maker</source>
        <translation>ЛПР (принимает решение)</translation>
    </message>
    <message>
        <source>Influencer</source>
        <translation>ЛВР (влияет на решение)</translation>
    </message>
    <message>
        <source>Approver (finance)</source>
        <translation>Согласующий (финансы)</translation>
    </message>
    <message>
        <source>Technical expert</source>
        <translation>Технический эксперт</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Пользователь</translation>
    </message>
    <message>
        <source>Gatekeeper</source>
        <translation>Привратник (секретарь)</translation>
    </message>
</context>
<context>
    <name>Dossier</name>
    <message>
        <source>no description of what the organisation does</source>
        <translation>нет описания деятельности организации</translation>
    </message>
    <message>
        <source>size unknown (employees or beds)</source>
        <translation>неизвестен размер (сотрудники или койки)</translation>
    </message>
    <message>
        <source>needs not recorded</source>
        <translation>не записаны потребности</translation>
    </message>
    <message>
        <source>development plans not recorded</source>
        <translation>не записаны планы развития</translation>
    </message>
    <message>
        <source>current worries not recorded</source>
        <translation>не записаны текущие проблемы</translation>
    </message>
    <message>
        <source>no financial indicators or budget</source>
        <translation>нет финансовых показателей или бюджета</translation>
    </message>
    <message>
        <source>no relationship history recorded</source>
        <translation>не записана история отношений</translation>
    </message>
    <message>
        <source>history has no tender outcome</source>
        <translation>в истории нет итога тендера</translation>
    </message>
    <message>
        <source>stage of the relationship not set</source>
        <translation>не указана стадия отношений</translation>
    </message>
    <message>
        <source>no decision maker</source>
        <translation>нет ЛПР</translation>
    </message>
    <message>
        <source>no finance contact</source>
        <translation>нет контакта в финансах</translation>
    </message>
    <message>
        <source>contacts without a DMU role or influence</source>
        <translation>есть контакты без роли в закупке или влияния</translation>
    </message>
    <message>
        <source>attitude to us unknown for some DMU members</source>
        <translation>неизвестно отношение к нам части участников решения</translation>
    </message>
    <message>
        <source>decision maker&apos;s psychotype unknown</source>
        <translation>неизвестен психотип ЛПР</translation>
    </message>
    <message>
        <source>no competitor recorded</source>
        <translation>не записан ни один конкурент</translation>
    </message>
    <message>
        <source>competitors&apos; products or terms not noted</source>
        <translation>не отмечены препараты или условия конкурентов</translation>
    </message>
</context>
<context>
    <name>DossierTab</name>
    <message>
        <source>1. General information</source>
        <translation>1. Общие сведения</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>Краткое название</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Pharmacy chain</source>
        <translation>Аптечная сеть</translation>
    </message>
    <message>
        <source>INN</source>
        <translation>ИНН</translation>
    </message>
    <message>
        <source>KPP</source>
        <translation>КПП</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Регион</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Город</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Сайт</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>Чем занимается</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>Сотрудников</translation>
    </message>
    <message>
        <source>Beds</source>
        <translation>Коек</translation>
    </message>
    <message>
        <source>Structure and staff</source>
        <translation>Структура и штат</translation>
    </message>
    <message>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <source>Environment (parent, partners)</source>
        <translation>Окружение (головная компания, партнёры)</translation>
    </message>
    <message>
        <source>Financial indicators</source>
        <translation>Финансовые показатели</translation>
    </message>
    <message>
        <source>Annual budget, ₽</source>
        <translation>Годовой бюджет, ₽</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>Потребности</translation>
    </message>
    <message>
        <source>Development plans</source>
        <translation>Планы развития</translation>
    </message>
    <message>
        <source>Current worries</source>
        <translation>Текущие проблемы</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>2. Relationship history</source>
        <translation>2. История отношений</translation>
    </message>
    <message>
        <source>Stage now</source>
        <translation>Текущая стадия</translation>
    </message>
    <message>
        <source>Outlook</source>
        <translation>Перспективы</translation>
    </message>
    <message>
        <source>What happened: delivery, tender, agreement, complaint</source>
        <translation>Что произошло: поставка, тендер, соглашение, жалоба</translation>
    </message>
    <message>
        <source>Add event</source>
        <translation>Добавить событие</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <source>Amount, ₽</source>
        <translation>Сумма, ₽</translation>
    </message>
    <message>
        <source>Tender number</source>
        <translation>Номер закупки</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Итог</translation>
    </message>
    <message>
        <source>Why we won or lost</source>
        <translation>Почему выиграли или проиграли</translation>
    </message>
    <message>
        <source>How a complaint was resolved</source>
        <translation>Как урегулирована жалоба</translation>
    </message>
    <message>
        <source>Resolved on</source>
        <translation>Дата урегулирования</translation>
    </message>
    <message>
        <source>3. Decision-making scheme</source>
        <translation>3. Схема принятия решений</translation>
    </message>
    <message>
        <source>The people, their roles and influence are on the Contacts tab and the map.</source>
        <translation>Люди, их роли и влияние — на вкладке «Контакты» и на карте.</translation>
    </message>
    <message>
        <source>How decisions are made</source>
        <translation>Как принимаются решения</translation>
    </message>
    <message>
        <source>4. Competitors</source>
        <translation>4. Конкуренты</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Компания</translation>
    </message>
    <message>
        <source>Add competitor</source>
        <translation>Добавить конкурента</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Препараты</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>Условия</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>Сильные стороны</translation>
    </message>
</context>
<context>
    <name>DraftsKept</name>
    <message>
        <source>Not saved</source>
        <translation>Не сохранено</translation>
    </message>
    <message>
        <source>«%1»: not saved: %2.</source>
        <translation>«%1»: не сохранено: %2.</translation>
    </message>
    <message>
        <source>What you typed is kept as a draft: it is back in the field, with the reason next to it, when you open the card again.</source>
        <translation>Набранное не потеряно: оно хранится как черновик и вернётся в поле, с причиной рядом, когда вы снова откроете карточку.</translation>
    </message>
</context>
<context>
    <name>DraftsNote</name>
    <message>
        <source>Text typed earlier and not saved yet is back in %1. It is saved when you leave the field.</source>
        <translation>Вернулся набранный раньше и ещё не сохранённый текст: %1. Он сохранится, когда вы выйдете из поля.</translation>
    </message>
    <message>
        <source>A field marked in red is saved once you correct it.</source>
        <translation>Поле, отмеченное красным, сохранится, когда вы его исправите.</translation>
    </message>
</context>
<context>
    <name>EncryptDatabase</name>
    <message>
        <source>Encrypt database</source>
        <translation>Шифрование базы</translation>
    </message>
    <message>
        <source>Encrypting the database…</source>
        <translation>База шифруется…</translation>
    </message>
    <message>
        <source>The database is encrypted; backups and copies encrypted too: {count}.</source>
        <translation>База зашифрована; зашифрованы и резервные копии и копии базы: {count}.</translation>
    </message>
    <message>
        <source>Copies left unencrypted</source>
        <translation>Незашифрованные копии</translation>
    </message>
    <message>
        <source>These copies of the database could not be encrypted: SQLite cannot read them (damaged files kept for a recovery). They still show clients and contacts to anyone who reads the disk.</source>
        <translation>Эти копии базы зашифровать не удалось: SQLite не может их прочитать (это повреждённые файлы, сохранённые для восстановления). Клиенты и контакты в них по-прежнему видны любому, кто прочтёт диск.</translation>
    </message>
    <message>
        <source>Delete them if nobody needs them for a recovery any more.</source>
        <translation>Удалите их, если для восстановления они больше никому не нужны.</translation>
    </message>
    <message>
        <source>Delete these copies</source>
        <translation>Удалить эти копии</translation>
    </message>
    <message>
        <source>Keep them</source>
        <translation>Оставить</translation>
    </message>
    <message>
        <source>Unencrypted copies deleted: {count}.</source>
        <translation>Удалено незашифрованных копий: {count}.</translation>
    </message>
    <message>
        <source>&amp;Encrypt database…</source>
        <translation>&amp;Зашифровать базу…</translation>
    </message>
    <message>
        <source>Encrypted</source>
        <translation>Зашифрована</translation>
    </message>
    <message>
        <source>The database and its backups are encrypted: the disk shows nothing of them.</source>
        <translation>База и её резервные копии зашифрованы: на диске их содержимого не видно.</translation>
    </message>
    <message>
        <source>Not encrypted</source>
        <translation>Не зашифрована</translation>
    </message>
    <message>
        <source>The database is not encrypted: File ▸ Encrypt database… encrypts it.</source>
        <translation>База не зашифрована: зашифровать её можно командой Файл ▸ Зашифровать базу…</translation>
    </message>
    <message>
        <source>KAMdesk will encrypt {path}. Without the key, nobody who gets this computer&apos;s disk, a backup or a copy of the file can read the clients, contacts and their personal details.

First a backup is made. Then an encrypted copy is written, checked against the database and put in its place, and the database&apos;s backups and the copies KAMdesk kept of it are encrypted too. Close other KAMdesk windows on this database first.</source>
        <translation>KAMdesk зашифрует базу {path}. Без ключа никто, кому попадёт диск этого компьютера, резервная копия или копия файла, не прочитает клиентов, контакты и их личные данные.

Сначала делается резервная копия. Затем пишется зашифрованная копия, сверяется с базой и встаёт на её место, после чего шифруются и резервные копии базы, и копии, которые KAMdesk сохранял. Сначала закройте другие окна KAMdesk с этой базой.</translation>
    </message>
    <message>
        <source>The key is a random one, kept in the system keyring of your user account: KAMdesk opens the database and its backups with it without asking. If the user account or the computer is lost, the key is lost with it: ask your administrator to keep a copy of it.</source>
        <translation>Ключ случайный и хранится в хранилище ключей системы для вашей учётной записи: с ним KAMdesk открывает базу и её резервные копии без вопросов. Если учётная запись или компьютер будут утрачены, ключ пропадёт вместе с ними: попросите администратора сохранить его копию.</translation>
    </message>
    <message>
        <source>The database is encrypted with the passphrase this KAMdesk already uses (KAMDESK_PASSPHRASE, or the one you typed): it is needed every time the database or a backup is opened. If it is lost, nobody can read them.</source>
        <translation>База шифруется паролем, который этот KAMdesk уже использует (KAMDESK_PASSPHRASE или введённый вами): он нужен при каждом открытии базы или резервной копии. Если пароль потерян, их никто не прочитает.</translation>
    </message>
    <message>
        <source>There is no system keyring here, so the key is a passphrase you choose: type it twice. It is asked for every time the database or a backup is opened. If the passphrase is lost, nobody, neither KAMdesk nor your administrator, can read the database or its backups: write it down and keep it somewhere safe.</source>
        <translation>Хранилища ключей системы здесь нет, поэтому ключом будет пароль, который вы придумаете: введите его дважды. Он запрашивается при каждом открытии базы или резервной копии. Если пароль потерян, ни KAMdesk, ни администратор не смогут прочитать базу и её резервные копии: запишите его и храните в надёжном месте.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Пароль базы</translation>
    </message>
    <message>
        <source>The passphrase again</source>
        <translation>Пароль базы ещё раз</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Пароли не совпадают.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Encrypt</source>
        <translation>Зашифровать</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <source>Connect to the office</source>
        <translation>Подключение к офису</translation>
    </message>
    <message>
        <source>Ask your administrator for the office server&apos;s address and your login. The password is not kept on this laptop.</source>
        <translation>Адрес сервера офиса и логин выдаёт администратор. Пароль на этом ноутбуке не хранится.</translation>
    </message>
    <message>
        <source>Office server</source>
        <translation>Сервер офиса</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Логин</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <source>This laptop&apos;s name</source>
        <translation>Имя этого ноутбука</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Подключить</translation>
    </message>
    <message>
        <source>Write the office server&apos;s address.</source>
        <translation>Укажите адрес сервера офиса.</translation>
    </message>
    <message>
        <source>The address starts with https:// (or http:// inside the office).</source>
        <translation>Адрес начинается с https:// (или http:// внутри офиса).</translation>
    </message>
    <message>
        <source>Write your login.</source>
        <translation>Укажите логин.</translation>
    </message>
    <message>
        <source>Write your password.</source>
        <translation>Укажите пароль.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Подключение…</translation>
    </message>
</context>
<context>
    <name>EnvelopeTable</name>
    <message>
        <source>all products</source>
        <translation>все препараты</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>По умолчанию</translation>
    </message>
    <message>
        <source>Product group</source>
        <translation>Группа препаратов</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Артикул</translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation>Для чего</translation>
    </message>
    <message>
        <source>Group or SKU</source>
        <translation>Группа или артикул</translation>
    </message>
    <message>
        <source>Any, %</source>
        <translation>Любой, %</translation>
    </message>
    <message>
        <source>The account&apos;s ABC class</source>
        <translation>ABC-класс клиента</translation>
    </message>
    <message>
        <source>Add a product group</source>
        <translation>Добавить группу</translation>
    </message>
    <message>
        <source>Add an SKU</source>
        <translation>Добавить артикул</translation>
    </message>
    <message>
        <source>Remove the row</source>
        <translation>Удалить строку</translation>
    </message>
    <message>
        <source>The largest discount a KAM may give without the manager&apos;s approval. An SKU row wins over its group, a group over the default. An empty cell takes the row&apos;s «any class», else the less specific row.</source>
        <translation>Наибольшая скидка, которую KAM даёт без согласования с руководителем. Строка артикула важнее строки его группы, группа — строки по умолчанию. Пустая ячейка берёт «любой класс» своей строки, иначе — более общую строку.</translation>
    </message>
</context>
<context>
    <name>ErasureQuestion</name>
    <message>
        <source>Consent withdrawn</source>
        <translation>Согласие отозвано</translation>
    </message>
    <message>
        <source>{name}: consent to the processing of personal data is withdrawn.</source>
        <translation>{name}: согласие на обработку персональных данных отозвано.</translation>
    </message>
    <message>
        <source>The law on personal data (152-FZ, article 21) requires destroying them within 30 days of the withdrawal. Erase the personal details now (birthday, education, previous jobs, military service, family, hobbies, concerns, habits, topics to avoid, notes)? They are erased on this computer, also from changes not yet sent to the office, and the erasure itself goes to the office at the next sync. This cannot be undone.</source>
        <translation>Закон о персональных данных (152-ФЗ, статья 21) требует уничтожить их в течение 30 дней после отзыва согласия. Стереть личные сведения сейчас (день рождения, образование, прежние места работы, военная служба, семья, увлечения, заботы, привычки, темы, которых лучше избегать, заметки)? Они будут стёрты на этом компьютере, в том числе из изменений, ещё не отправленных в офис, а само удаление уйдёт в офис при следующей синхронизации. Отменить это нельзя.</translation>
    </message>
    <message>
        <source>Erase personal details</source>
        <translation>Стереть личные сведения</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Не сейчас</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Something went wrong</source>
        <translation>Что-то пошло не так</translation>
    </message>
    <message>
        <source>KAMdesk ran into an error in its own program code.</source>
        <translation>В самой программе KAMdesk произошла ошибка.</translation>
    </message>
    <message>
        <source>Everything saved before is safe in the database. The last action may not have been completed: please check it.</source>
        <translation>Всё, что было сохранено раньше, в базе данных в безопасности. Последнее действие могло не завершиться — проверьте его.</translation>
    </message>
    <message>
        <source>The database is damaged</source>
        <translation>База данных повреждена</translation>
    </message>
    <message>
        <source>The database is from a newer KAMdesk</source>
        <translation>База данных создана более новой версией KAMdesk</translation>
    </message>
    <message>
        <source>The database cannot be used right now</source>
        <translation>База данных сейчас недоступна</translation>
    </message>
    <message>
        <source>The database reported a problem</source>
        <translation>База данных сообщила о проблеме</translation>
    </message>
    <message>
        <source>Keep the damaged file: it may still be possible to recover data from it.</source>
        <translation>Сохраните повреждённый файл: из него, возможно, ещё удастся восстановить данные.</translation>
    </message>
    <message>
        <source>Nothing saved before was lost; the change that failed was not saved.</source>
        <translation>Ничего из сохранённого раньше не потеряно; изменение, которое не удалось, не сохранено.</translation>
    </message>
    <message>
        <source>KAMdesk — error</source>
        <translation>KAMdesk — ошибка</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Скопировать подробности</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>Открыть папку журнала</translation>
    </message>
    <message>
        <source>The details are written to the log: {path}</source>
        <translation>Подробности записаны в журнал: {path}</translation>
    </message>
    <message>
        <source>No log file could be written; copy the details.</source>
        <translation>Журнал записать не удалось; скопируйте подробности.</translation>
    </message>
    <message>
        <source>Errors since this one: {count} (they are in the log)</source>
        <translation>Ошибок после этой: {count} (все они в журнале)</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export visits</source>
        <translation>Выгрузка визитов</translation>
    </message>
    <message>
        <source>All clients</source>
        <translation>Все клиенты</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Все типы</translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx)</source>
        <translation>Книга Excel (.xlsx)</translation>
    </message>
    <message>
        <source>PDF for the manager</source>
        <translation>PDF для руководителя</translation>
    </message>
    <message>
        <source>Calendar for the phone (.ics)</source>
        <translation>Календарь для телефона (.ics)</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Русский</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Английский</translation>
    </message>
    <message>
        <source>Visits {period}</source>
        <translation>Визиты {period}</translation>
    </message>
    <message>
        <source>Visit reports {period}</source>
        <translation>Отчёты о визитах {period}</translation>
    </message>
    <message>
        <source>Calendar (*.ics)</source>
        <translation>Календарь (*.ics)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Книга Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Export ready</source>
        <translation>Выгрузка готова</translation>
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
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Формат</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>The period ends before it begins.</source>
        <translation>Период заканчивается раньше, чем начинается.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Выгрузка…</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>Записано: %1</translation>
    </message>
</context>
<context>
    <name>FieldBinder</name>
    <message>
        <source>Edit %s</source>
        <translation>Изменение: %s</translation>
    </message>
    <message>
        <source>The database is busy with another program — your changes will be saved as soon as it is free.</source>
        <translation>База занята другой программой — изменения сохранятся, как только она освободится.</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>Folder</source>
        <translation>Папка</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>{suffix} file</source>
        <translation>Файл {suffix}</translation>
    </message>
</context>
<context>
    <name>FollowUpList</name>
    <message>
        <source>no date</source>
        <translation>без срока</translation>
    </message>
    <message>
        <source>(overdue)</source>
        <translation>(просрочено)</translation>
    </message>
</context>
<context>
    <name>HeldTimeDialog</name>
    <message>
        <source>Mark the visit held</source>
        <translation>Отметить визит проведённым</translation>
    </message>
    <message>
        <source>The visit to %1 is planned for %2, which has not come yet. When was it held?</source>
        <translation>Визит в %1 запланирован на %2, а это время ещё не наступило. Когда он состоялся?</translation>
    </message>
    <message>
        <source>Mark held</source>
        <translation>Отметить проведённым</translation>
    </message>
    <message>
        <source>Held at</source>
        <translation>Когда состоялся</translation>
    </message>
</context>
<context>
    <name>ImportCommand</name>
    <message>
        <source>import data exported by the office (price lists)</source>
        <translation>загрузить данные, выгруженные офисом (прайс-листы)</translation>
    </message>
    <message>
        <source>Import data exported by the office (price lists).</source>
        <translation>Загрузить данные, выгруженные офисом (прайс-листы).</translation>
    </message>
    <message>
        <source>WHAT</source>
        <translation>ЧТО</translation>
    </message>
    <message>
        <source>what to import</source>
        <translation>что загрузить</translation>
    </message>
    <message>
        <source>import a price list (CSV or XLSX, as 1C exports it)</source>
        <translation>загрузить прайс-лист (CSV или XLSX, как его выгружает 1С)</translation>
    </message>
    <message>
        <source>Import products and prices from CSV (UTF-8 or Windows-1251, `;` or `,`, decimal comma) or XLSX with Russian headers (Артикул, Наименование, МНН, Цена, Ставка НДС…). The encoding (also UTF-16), separator and columns are detected. The preview is printed first; a file with any bad row imports nothing, and each bad row is named with its row, column and what was in the cell. A SKU of an archived product restores that product.</source>
        <translation>Загрузить препараты и цены из CSV (UTF-8 или Windows-1251, «;» или «,», десятичная запятая) или XLSX с русскими заголовками (Артикул, Наименование, МНН, Цена, Ставка НДС…). Кодировка (в том числе UTF-16), разделитель и столбцы определяются сами. Сначала печатается предпросмотр; из файла хотя бы с одной ошибочной строкой не загружается ничего, и для каждой такой строки указываются её номер, столбец и содержимое ячейки. Артикул препарата из архива возвращает этот препарат.</translation>
    </message>
    <message>
        <source>the CSV or XLSX file</source>
        <translation>файл CSV или XLSX</translation>
    </message>
    <message>
        <source>the day the prices apply from; default: today</source>
        <translation>день, с которого действуют цены; по умолчанию сегодня</translation>
    </message>
    <message>
        <source>only show what would change; write nothing</source>
        <translation>только показать, что изменится, ничего не записывая</translation>
    </message>
    <message>
        <source>import even when prices change by half or more (without it such a file is refused: that is most often a typo)</source>
        <translation>импортировать, даже если цены меняются наполовину и больше (без этого такой файл не принимается: чаще всего это опечатка)</translation>
    </message>
    <message>
        <source>new</source>
        <translation>новый</translation>
    </message>
    <message>
        <source>update</source>
        <translation>изменение</translation>
    </message>
    <message>
        <source>price</source>
        <translation>цена</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>без изменений</translation>
    </message>
    <message>
        <source>restore</source>
        <translation>из архива</translation>
    </message>
    <message>
        <source>row {number}: {sku} {name}: the price changes {change}: {old} → {new}</source>
        <translation>строка {number}: {sku} {name}: цена меняется на {change}: {old} → {new}</translation>
    </message>
    <message>
        <source>prices that change by half or more: {count}; nothing was imported: check them and, if they are right, run again with --accept-price-jumps</source>
        <translation>цен, меняющихся наполовину и больше: {count}; ничего не импортировано: проверьте их и, если они верны, запустите снова с --accept-price-jumps</translation>
    </message>
    <message>
        <source>{path} is not a file</source>
        <translation>{path} — не файл</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>табуляция</translation>
    </message>
    <message>
        <source>, {encoding}, separator «{separator}»</source>
        <translation>, {encoding}, разделитель «{separator}»</translation>
    </message>
    <message>
        <source>{path}: {detected}; columns: {columns}</source>
        <translation>{path}: {detected}; столбцы: {columns}</translation>
    </message>
    <message>
        <source> — restored from the archive</source>
        <translation> — возвращён из архива</translation>
    </message>
    <message>
        <source>  row {number}: {action} {sku} {name} {old}{new}{fields}</source>
        <translation>  строка {number}: {action} {sku} {name} {old}{new}{fields}</translation>
    </message>
    <message>
        <source>good rows: {count} ({counts})</source>
        <translation>верных строк: {count} ({counts})</translation>
    </message>
    <message>
        <source>problems: {count}; nothing was imported: correct the file and run again</source>
        <translation>ошибок: {count}; ничего не загружено: исправьте файл и запустите снова</translation>
    </message>
    <message>
        <source>dry run: nothing was written</source>
        <translation>пробный прогон: ничего не записано</translation>
    </message>
    <message>
        <source>{problem}; nothing was imported</source>
        <translation>{problem}; ничего не загружено</translation>
    </message>
    <message>
        <source>imported: a price list valid from {day}</source>
        <translation>загружено: прайс-лист, действующий с {day}</translation>
    </message>
</context>
<context>
    <name>IssuePanel</name>
    <message>
        <source>Choose an issue in the list to see both versions.</source>
        <translation>Выберите вопрос в списке, чтобы увидеть обе версии.</translation>
    </message>
    <message>
        <source>Field: %1</source>
        <translation>Поле: %1</translation>
    </message>
    <message>
        <source>Mine (on this laptop)</source>
        <translation>Моё (на этом ноутбуке)</translation>
    </message>
    <message>
        <source>Theirs (in the office)</source>
        <translation>Их (в офисе)</translation>
    </message>
    <message>
        <source>Merged text: both versions, edit it before accepting</source>
        <translation>Объединённый текст: обе версии, поправьте перед тем, как принять</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Оставить моё</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>Взять их</translation>
    </message>
    <message>
        <source>Accept the merged text</source>
        <translation>Принять объединённый текст</translation>
    </message>
</context>
<context>
    <name>IssuesView</name>
    <message>
        <source>No sync issues. This laptop is not connected to the office yet: your changes stay on it until it is.</source>
        <translation>Вопросов синхронизации нет. Этот ноутбук ещё не подключён к офису: ваши изменения хранятся на нём, пока он не будет подключён.</translation>
    </message>
    <message numerus="yes">
        <source>No issues; %n change(s) waiting to be sent to the office.</source>
        <translation>
            <numerusform>Вопросов нет; %n изменение ждёт отправки в офис.</numerusform>
            <numerusform>Вопросов нет; %n изменения ждут отправки в офис.</numerusform>
            <numerusform>Вопросов нет; %n изменений ждут отправки в офис.</numerusform>
        </translation>
    </message>
    <message>
        <source>No sync issues. This laptop has not synced with the office yet.</source>
        <translation>Вопросов синхронизации нет. Этот ноутбук ещё не синхронизировался с офисом.</translation>
    </message>
    <message>
        <source>No sync issues: everything you changed reached the office as it was.</source>
        <translation>Вопросов синхронизации нет: всё, что вы изменили, дошло до офиса как есть.</translation>
    </message>
</context>
<context>
    <name>ItemData</name>
    <message>
        <source>(no longer in the list)</source>
        <translation>(больше нет в списке)</translation>
    </message>
</context>
<context>
    <name>KeyClients</name>
    <message>
        <source>mono-dependence: the key clients bring {share} % of your sales, above {threshold} %</source>
        <translation>монозависимость: ключевые клиенты дают {share} % ваших продаж — больше {threshold} %</translation>
    </message>
    <message>
        <source>mono-dependence: {name} alone brings {share} % of your sales, above {threshold} %</source>
        <translation>монозависимость: на клиента {name} приходится {share} % ваших продаж — больше {threshold} %</translation>
    </message>
    <message>
        <source>the key clients bring {share} % of your sales, below the usual {low}–{high} %</source>
        <translation>ключевые клиенты дают {share} % ваших продаж — меньше обычных {low}–{high} %</translation>
    </message>
    <message>
        <source>the key clients bring {share} % of your sales, above the usual {low}–{high} %</source>
        <translation>ключевые клиенты дают {share} % ваших продаж — больше обычных {low}–{high} %</translation>
    </message>
    <message>
        <source>{name} is a breadwinner but brings {share} % of your sales, under {key} %</source>
        <translation>{name} — «Кормилец», но даёт {share} % ваших продаж, меньше {key} %</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Without class</source>
        <translation>Без класса</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>Потребность</translation>
    </message>
    <message>
        <source>Ability to pay</source>
        <translation>Платёжеспособность</translation>
    </message>
    <message>
        <source>Authority</source>
        <translation>Полномочия</translation>
    </message>
</context>
<context>
    <name>LinesModel</name>
    <message>
        <source>Product</source>
        <translation>Препарат</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Количество</translation>
    </message>
    <message>
        <source>Price without VAT</source>
        <translation>Цена без НДС</translation>
    </message>
    <message>
        <source>Discount, %</source>
        <translation>Скидка, %</translation>
    </message>
    <message>
        <source>VAT, %</source>
        <translation>НДС, %</translation>
    </message>
    <message>
        <source>Amount without VAT</source>
        <translation>Сумма без НДС</translation>
    </message>
    <message>
        <source>Amount with VAT</source>
        <translation>Сумма с НДС</translation>
    </message>
    <message>
        <source>Without approval up to %1 %</source>
        <translation>Без согласования до %1 %</translation>
    </message>
    <message>
        <source>no price</source>
        <translation>нет цены</translation>
    </message>
    <message>
        <source>no VAT</source>
        <translation>без НДС</translation>
    </message>
</context>
<context>
    <name>LogoCheck</name>
    <message>
        <source>The logo file {file} is not there any more.</source>
        <translation>Файла логотипа {file} больше нет.</translation>
    </message>
    <message>
        <source>The logo file is {megabytes} MB; choose one of at most {limit} MB.</source>
        <translation>Файл логотипа занимает {megabytes} МБ; выберите файл не больше {limit} МБ.</translation>
    </message>
    <message>
        <source>The image is {width} × {height} pixels; a logo may be at most {limit} pixels each way.</source>
        <translation>Изображение размером {width} × {height} пикселей; логотип может быть не больше {limit} пикселей по каждой стороне.</translation>
    </message>
    <message>
        <source>This file is not an image that can be printed (PNG or JPEG), or it is damaged.</source>
        <translation>Этот файл не изображение, которое можно напечатать (PNG или JPEG), или он повреждён.</translation>
    </message>
</context>
<context>
    <name>LossReason</name>
    <message>
        <source>Worse service</source>
        <translation>Ухудшился сервис</translation>
    </message>
    <message>
        <source>Worse product quality</source>
        <translation>Ухудшилось качество продукции</translation>
    </message>
    <message>
        <source>Broken deadlines and promises</source>
        <translation>Сорваны сроки и обещания</translation>
    </message>
    <message>
        <source>The client&apos;s opinion was ignored</source>
        <translation>Мнение клиента не учли</translation>
    </message>
    <message>
        <source>The client was forgotten</source>
        <translation>О клиенте забыли</translation>
    </message>
    <message>
        <source>Another reason</source>
        <translation>Другая причина</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Updating next visits and ABC/XYZ classes…</source>
        <translation>Обновляем ближайшие визиты и классы ABC/XYZ…</translation>
    </message>
    <message>
        <source>Reclassifying clients with the new thresholds…</source>
        <translation>Пересчитываем классы клиентов по новым порогам…</translation>
    </message>
    <message>
        <source>The error happened again; it was written to the log.</source>
        <translation>Ошибка повторилась; она записана в журнал.</translation>
    </message>
    <message>
        <source>KAMdesk</source>
        <translation>KAMdesk</translation>
    </message>
    <message>
        <source>The database was upgraded to this version; a copy of the old one is kept at {path}</source>
        <translation>База обновлена до этой версии; копия прежней сохранена: {path}</translation>
    </message>
    <message>
        <source>About KAMdesk</source>
        <translation>О программе KAMdesk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;KAMdesk {version}&lt;/h3&gt;&lt;p&gt;The workstation of a pharmaceutical Key Account Manager: clients and their dossiers, visits, commercial offers, products and analytics. It works without a connection; your data stays on this computer.&lt;/p&gt;&lt;p&gt;Database: {path}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;KAMdesk {version}&lt;/h3&gt;&lt;p&gt;Рабочее место менеджера по работе с ключевыми клиентами фармкомпании: клиенты и их досье, визиты, коммерческие предложения, продукты и аналитика. Работает без связи; ваши данные хранятся на этом компьютере.&lt;/p&gt;&lt;p&gt;База данных: {path}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Checking the database… try again in a moment.</source>
        <translation>Идёт проверка базы данных… Повторите через несколько секунд.</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>&amp;Открыть базу…</translation>
    </message>
    <message>
        <source>&amp;New database…</source>
        <translation>&amp;Новая база…</translation>
    </message>
    <message>
        <source>Create &amp;backup</source>
        <translation>Создать резервную &amp;копию</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>&amp;Восстановить из резервной копии…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <source>&amp;About KAMdesk</source>
        <translation>&amp;О программе KAMdesk</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Найти</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;Clients</source>
        <translation>&amp;Клиенты</translation>
    </message>
    <message>
        <source>&amp;New account…</source>
        <translation>&amp;Новый клиент…</translation>
    </message>
    <message>
        <source>&amp;Merge accounts…</source>
        <translation>&amp;Объединить клиентов…</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge two accounts</source>
        <translation>Объединение двух карточек</translation>
    </message>
    <message>
        <source>Two cards of the same organisation become one. Choose the card that stays: everything the other one has moves to it, and the other one is archived with a link to it. Nothing is deleted.</source>
        <translation>Две карточки одной организации станут одной. Выберите карточку, которая останется: всё, что есть у другой, перейдёт в неё, а другая уйдёт в архив со ссылкой на неё. Ничего не удаляется.</translation>
    </message>
    <message>
        <source>Counting what each card holds…</source>
        <translation>Считаем, что есть в каждой карточке…</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Объединить</translation>
    </message>
    <message>
        <source>One of these accounts no longer exists.</source>
        <translation>Одной из этих карточек больше нет.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>INN / KPP</source>
        <translation>ИНН / КПП</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Город</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Контакты</translation>
    </message>
    <message>
        <source>History events</source>
        <translation>События истории</translation>
    </message>
    <message>
        <source>Months with sales</source>
        <translation>Месяцев с продажами</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Визиты</translation>
    </message>
    <message>
        <source>Offers</source>
        <translation>КП</translation>
    </message>
    <message>
        <source>Competitors</source>
        <translation>Конкуренты</translation>
    </message>
    <message>
        <source>Keep this card</source>
        <translation>Оставить эту карточку</translation>
    </message>
    <message>
        <source>An archived account cannot be merged: restore it from its card first.</source>
        <translation>Архивную карточку объединить нельзя: сначала восстановите её.</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n контакт</numerusform>
            <numerusform>%n контакта</numerusform>
            <numerusform>%n контактов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n history event(s)</source>
        <translation>
            <numerusform>%n событие истории</numerusform>
            <numerusform>%n события истории</numerusform>
            <numerusform>%n событий истории</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sales row(s) over %1 month(s)</source>
        <translation>
            <numerusform>%n строка продаж за %1 мес.</numerusform>
            <numerusform>%n строки продаж за %1 мес.</numerusform>
            <numerusform>%n строк продаж за %1 мес.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s)</source>
        <translation>
            <numerusform>%n визит</numerusform>
            <numerusform>%n визита</numerusform>
            <numerusform>%n визитов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n offer(s)</source>
        <translation>
            <numerusform>%n КП</numerusform>
            <numerusform>%n КП</numerusform>
            <numerusform>%n КП</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n competitor(s)</source>
        <translation>
            <numerusform>%n конкурент</numerusform>
            <numerusform>%n конкурента</numerusform>
            <numerusform>%n конкурентов</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 stays. From %2 it receives:</source>
        <translation>Остаётся %1. Из карточки %2 к ней перейдут:</translation>
    </message>
    <message>
        <source>Sales of the same product in the same month are added together. Dossier texts are kept side by side, empty fields are filled from %1. %1 is then archived with a link to %2; it can still be opened from the archive.</source>
        <translation>Продажи одного препарата за один месяц складываются. Тексты досье сохраняются оба, пустые поля заполняются из карточки %1. Затем %1 уходит в архив со ссылкой на %2; её можно открыть из архива.</translation>
    </message>
    <message>
        <source>Merging…</source>
        <translation>Объединяем…</translation>
    </message>
    <message>
        <source>The accounts were not merged: %1</source>
        <translation>Карточки не объединены: %1</translation>
    </message>
</context>
<context>
    <name>NewAccountDialog</name>
    <message>
        <source>Clients are created by KAMs: the office does not accept a new client from a manager&apos;s laptop. Ask the KAM of the territory to create it.</source>
        <translation>Новых клиентов создают КАМ: офис не примет клиента, созданного на ноутбуке руководителя. Попросите КАМ территории создать его.</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>Новый клиент</translation>
    </message>
    <message>
        <source>e.g. ГБУЗ «Областная клиническая больница»</source>
        <translation>например, ГБУЗ «Областная клиническая больница»</translation>
    </message>
    <message>
        <source>Open that card instead</source>
        <translation>Открыть ту карточку</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Город</translation>
    </message>
    <message>
        <source>INN</source>
        <translation>ИНН</translation>
    </message>
    <message>
        <source>KPP</source>
        <translation>КПП</translation>
    </message>
    <message>
        <source>Client type</source>
        <translation>Тип клиента</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Создать</translation>
    </message>
    <message>
        <source>An account with INN %1 already exists: «%2»%3.</source>
        <translation>Клиент с ИНН %1 уже есть: «%2»%3.</translation>
    </message>
    <message>
        <source>It is archived.</source>
        <translation>Он в архиве.</translation>
    </message>
</context>
<context>
    <name>NextStepRow</name>
    <message>
        <source>What, who</source>
        <translation>Что, кто</translation>
    </message>
    <message>
        <source>Remove this step</source>
        <translation>Удалить этот шаг</translation>
    </message>
    <message>
        <source>Due before the visit: %1, and the visit was on %2. The report is saved as final only with a date from the visit on.</source>
        <translation>Срок раньше визита: %1, а визит был %2. Итоговый отчёт сохранится только со сроком не раньше дня визита.</translation>
    </message>
</context>
<context>
    <name>NextStepsEditor</name>
    <message>
        <source>&amp;Add a next step</source>
        <translation>&amp;Добавить следующий шаг</translation>
    </message>
</context>
<context>
    <name>NoMatchesPanel</name>
    <message>
        <source>Nothing found for “{text}”</source>
        <translation>Ничего не найдено по «{text}»</translation>
    </message>
    <message numerus="yes">
        <source>with the filter: {filters}</source>
        <translation>
            <numerusform>с фильтром: {filters}</numerusform>
            <numerusform>с фильтрами: {filters}</numerusform>
            <numerusform>с фильтрами: {filters}</numerusform>
        </translation>
    </message>
    <message>
        <source>Check the spelling, or search by another word of the name, the city, the INN, a contact&apos;s surname or a phone number.</source>
        <translation>Проверьте написание или поищите по другому слову названия, городу, ИНН, фамилии контакта или телефону.</translation>
    </message>
    <message numerus="yes">
        <source>No accounts with the filter: {filters}</source>
        <translation>
            <numerusform>Нет клиентов с фильтром: {filters}</numerusform>
            <numerusform>Нет клиентов с фильтрами: {filters}</numerusform>
            <numerusform>Нет клиентов с фильтрами: {filters}</numerusform>
        </translation>
    </message>
    <message>
        <source>Untick some of the filter values, or clear them all.</source>
        <translation>Снимите часть отметок в фильтрах или сбросьте их все.</translation>
    </message>
    <message>
        <source>Clear search and filters</source>
        <translation>Сбросить поиск и фильтры</translation>
    </message>
    <message>
        <source>Show every account again</source>
        <translation>Снова показать всех клиентов</translation>
    </message>
</context>
<context>
    <name>OfferApproval</name>
    <message>
        <source>Save the offer first: the manager approves what is saved.</source>
        <translation>Сначала сохраните предложение: руководитель согласует сохранённое.</translation>
    </message>
    <message>
        <source>Awaiting approval by the manager</source>
        <translation>На согласовании у руководителя</translation>
    </message>
    <message>
        <source>(asked %1)</source>
        <translation>(запрошено %1)</translation>
    </message>
    <message>
        <source>Approved: %1, %2</source>
        <translation>Согласовано: %1, %2</translation>
    </message>
    <message>
        <source>Rejected: %1</source>
        <translation>Отклонено: %1</translation>
    </message>
    <message>
        <source>The manager already rejected these same discounts, with the comment above. You may send them again with your arguments, or change them.</source>
        <translation>Руководитель уже отклонил эти же скидки — его комментарий выше. Можно отправить их снова со своими доводами или изменить скидки.</translation>
    </message>
    <message>
        <source>A discount is above the envelope: the manager must approve it before the offer is sent.</source>
        <translation>Скидка выше конверта: руководитель должен согласовать её до отправки предложения.</translation>
    </message>
    <message>
        <source>Send for approval</source>
        <translation>Отправить на согласование</translation>
    </message>
</context>
<context>
    <name>OfferCommand</name>
    <message>
        <source>no status «{value}»; one of: {choices}</source>
        <translation>нет статуса «{value}»; возможные: {choices}</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>согласовано</translation>
    </message>
    <message>
        <source>commercial offers: list them, print one to PDF</source>
        <translation>коммерческие предложения: список, печать в PDF</translation>
    </message>
    <message>
        <source>Work with commercial offers («КП») without the window.</source>
        <translation>Работа с коммерческими предложениями (КП) без окна программы.</translation>
    </message>
    <message>
        <source>print the offers: number, edition, date, status, total, client</source>
        <translation>список КП: номер, редакция, дата, статус, сумма, клиент</translation>
    </message>
    <message>
        <source>The offers, newest first; those past their validity become expired first.</source>
        <translation>КП, сначала новые; КП с истёкшим сроком действия сначала помечаются истёкшими.</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>СТАТУС</translation>
    </message>
    <message>
        <source>only offers in this status: {choices}</source>
        <translation>только КП в этом статусе: {choices}</translation>
    </message>
    <message>
        <source>WORDS</source>
        <translation>СЛОВА</translation>
    </message>
    <message>
        <source>words of the number or of the client&apos;s name</source>
        <translation>слова из номера или названия клиента</translation>
    </message>
    <message>
        <source>write an offer&apos;s PDF (with its annexes)</source>
        <translation>записать КП в PDF (с приложениями)</translation>
    </message>
    <message>
        <source>Write an offer&apos;s PDF (with its annexes).</source>
        <translation>Записать коммерческое предложение в PDF (с приложениями).</translation>
    </message>
    <message>
        <source>NUMBER</source>
        <translation>НОМЕР</translation>
    </message>
    <message>
        <source>the offer number, e.g. КП-2026-7FK-0042</source>
        <translation>номер КП, например КП-2026-7FK-0042</translation>
    </message>
    <message>
        <source>the PDF file to write</source>
        <translation>файл PDF, который нужно записать</translation>
    </message>
    <message>
        <source>N</source>
        <translation>ЧИСЛО</translation>
    </message>
    <message>
        <source>an older edition (default: the latest)</source>
        <translation>более ранняя редакция (по умолчанию последняя)</translation>
    </message>
    <message>
        <source>{db} does not exist; create it with `kamdesk demo`</source>
        <translation>{db} не существует; создайте базу командой «kamdesk demo»</translation>
    </message>
    <message>
        <source>no offers</source>
        <translation>КП нет</translation>
    </message>
    <message>
        <source>number</source>
        <translation>номер</translation>
    </message>
    <message>
        <source>ed.</source>
        <translation>ред.</translation>
    </message>
    <message>
        <source>date</source>
        <translation>дата</translation>
    </message>
    <message>
        <source>status</source>
        <translation>статус</translation>
    </message>
    <message>
        <source>total, ₽</source>
        <translation>сумма, ₽</translation>
    </message>
    <message>
        <source>client</source>
        <translation>клиент</translation>
    </message>
    <message>
        <source>no offer numbered {number}</source>
        <translation>нет КП с номером {number}</translation>
    </message>
    <message>
        <source> with the «ПРОЕКТ» watermark (needs approval)</source>
        <translation> с пометкой «ПРОЕКТ» (нужно согласование)</translation>
    </message>
    <message>
        <source>{path}: {number}, edition {edition}, pages: {pages}{draft}</source>
        <translation>{path}: {number}, редакция {edition}, страниц: {pages}{draft}</translation>
    </message>
</context>
<context>
    <name>OfferEditor</name>
    <message>
        <source>edition %1</source>
        <translation>редакция %1</translation>
    </message>
    <message>
        <source>assigned when saved</source>
        <translation>присваивается при сохранении</translation>
    </message>
    <message>
        <source>Commercial offer</source>
        <translation>Коммерческое предложение</translation>
    </message>
    <message>
        <source>Not saved: the database is busy with another program. Your offer is still here; press Save again in a moment.</source>
        <translation>Не сохранено: база данных занята другой программой. Предложение осталось здесь — нажмите «Сохранить» ещё раз чуть позже.</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Действует до</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Позиции</translation>
    </message>
    <message>
        <source>Readers and arguments</source>
        <translation>Адресаты и аргументы</translation>
    </message>
    <message>
        <source>Benefit and terms</source>
        <translation>Выгода и условия</translation>
    </message>
    <message>
        <source>Team and annexes</source>
        <translation>Команда и приложения</translation>
    </message>
    <message>
        <source>Add line</source>
        <translation>Добавить позицию</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>Удалить позицию</translation>
    </message>
    <message>
        <source>Check a reader, then write what this person wants to read about</source>
        <translation>Отметьте адресата и напишите, о чём ему важно прочитать</translation>
    </message>
    <message>
        <source>Suggest the emphasis for this role</source>
        <translation>Предложить акценты для этой роли</translation>
    </message>
    <message>
        <source>Lead with the benefit of working together</source>
        <translation>Начните с выгоды сотрудничества</translation>
    </message>
    <message>
        <source>What only this client gets in this offer</source>
        <translation>Что получает только этот клиент в этом предложении</translation>
    </message>
    <message>
        <source>Benefit</source>
        <translation>Выгода</translation>
    </message>
    <message>
        <source>Exclusive</source>
        <translation>Эксклюзивно</translation>
    </message>
    <message>
        <source>Delivery terms</source>
        <translation>Условия поставки</translation>
    </message>
    <message>
        <source>Payment terms</source>
        <translation>Условия оплаты</translation>
    </message>
    <message>
        <source>Payment deferral, days</source>
        <translation>Отсрочка платежа, дней</translation>
    </message>
    <message>
        <source>One person a line: name; position; phone, e-mail</source>
        <translation>По одному человеку в строке: ФИО; должность; телефон, e-mail</translation>
    </message>
    <message>
        <source>Attach PDF…</source>
        <translation>Приложить PDF…</translation>
    </message>
    <message>
        <source>Remove annex</source>
        <translation>Убрать приложение</translation>
    </message>
    <message>
        <source>The team that prepared the offer</source>
        <translation>Команда, подготовившая предложение</translation>
    </message>
    <message>
        <source>Annexes, appended to the PDF in this order</source>
        <translation>Приложения, добавляются в PDF в этом порядке</translation>
    </message>
    <message>
        <source>%1 is already in line %2: change its quantity there.</source>
        <translation>%1 уже есть в строке %2: измените количество там.</translation>
    </message>
    <message>
        <source>Without VAT: %1   Discount: %2   VAT: %3   Total with VAT: %4</source>
        <translation>Без НДС: %1   Скидка: %2   НДС: %3   Итого с НДС: %4</translation>
    </message>
    <message>
        <source>Save the offer to send it for approval.</source>
        <translation>Сохраните КП, чтобы отправить его на согласование.</translation>
    </message>
    <message>
        <source>The manager approved these discounts: the offer prints without «ПРОЕКТ».</source>
        <translation>Руководитель согласовал эти скидки: КП печатается без «ПРОЕКТ».</translation>
    </message>
    <message>
        <source>A discount is above what you may give without approval: the offer will need the manager&apos;s approval and prints as a draft («ПРОЕКТ»).</source>
        <translation>Скидка выше допустимой без согласования: предложению нужно согласование руководителя, до него оно печатается как «ПРОЕКТ».</translation>
    </message>
    <message>
        <source>Attach PDF annexes</source>
        <translation>Приложить PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Файлы PDF (*.pdf)</translation>
    </message>
    <message>
        <source>As in the request, e.g. 0373200041526000123</source>
        <translation>Как в запросе, например 0373200041526000123</translation>
    </message>
    <message>
        <source>no deferral</source>
        <translation>без отсрочки</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Назначение</translation>
    </message>
    <message>
        <source>Price request No.</source>
        <translation>№ запроса цен</translation>
    </message>
    <message>
        <source>Price request date</source>
        <translation>Дата запроса цен</translation>
    </message>
    <message>
        <source>A payment deferral of %1 days is above the %2 days you may give without approval: the offer needs the manager&apos;s approval.</source>
        <translation>Отсрочка платежа %1 дн. больше допустимой без согласования (%2 дн.): предложению нужно согласование руководителя.</translation>
    </message>
    <message>
        <source>Select a client</source>
        <translation>Выберите клиента</translation>
    </message>
    <message>
        <source>Select a client from the list</source>
        <translation>Выберите клиента из списка</translation>
    </message>
    <message>
        <source>Discount no more than 100 %</source>
        <translation>Скидка не больше 100 %</translation>
    </message>
</context>
<context>
    <name>OfferPurpose</name>
    <message>
        <source>Commercial offer</source>
        <translation>Коммерческое предложение</translation>
    </message>
    <message>
        <source>Reply to a price request (НМЦК justification)</source>
        <translation>Ответ на запрос цен (обоснование НМЦК)</translation>
    </message>
</context>
<context>
    <name>OfferRow</name>
    <message>
        <source>New offer…</source>
        <translation>Новое КП…</translation>
    </message>
    <message>
        <source>Prepare an offer for this client to hand over</source>
        <translation>Подготовить КП, чтобы передать его клиенту на визите</translation>
    </message>
</context>
<context>
    <name>OfferVatNote</name>
    <message>
        <source>no VAT</source>
        <translation>без НДС</translation>
    </message>
    <message>
        <source>VAT %1 → %2 from %3: %4</source>
        <translation>НДС %1 → %2 с %3: %4</translation>
    </message>
    <message>
        <source>VAT %1 → %2, as the catalogue now says: %4</source>
        <translation>НДС %1 → %2, как теперь указано в каталоге: %4</translation>
    </message>
</context>
<context>
    <name>Offers</name>
    <message>
        <source>fill in the supplier&apos;s details in settings before printing: {missing}</source>
        <translation>перед печатью заполните реквизиты поставщика в настройках: {missing}</translation>
    </message>
    <message>
        <source>the annex «{title}» file is missing: attach it again</source>
        <translation>файл приложения «{title}» не найден: приложите его снова</translation>
    </message>
    <message>
        <source>the offer was deleted</source>
        <translation>предложение удалено</translation>
    </message>
    <message>
        <source>choose the account</source>
        <translation>выберите клиента</translation>
    </message>
    <message>
        <source>add at least one product line</source>
        <translation>добавьте хотя бы одну позицию</translation>
    </message>
    <message>
        <source>an addressee does not work at this account</source>
        <translation>адресат не работает у этого клиента</translation>
    </message>
    <message>
        <source>the offer cannot expire before its date</source>
        <translation>срок действия не может закончиться раньше даты предложения</translation>
    </message>
    <message>
        <source>the validity date {date} has already passed: choose a later date</source>
        <translation>срок действия {date} уже прошёл: выберите более позднюю дату</translation>
    </message>
    <message>
        <source>annex {name} is not a PDF file</source>
        <translation>приложение {name} — не PDF-файл</translation>
    </message>
    <message>
        <source>only a draft can be deleted</source>
        <translation>удалить можно только черновик</translation>
    </message>
    <message>
        <source>edition {edition} is not the latest: edit the latest one</source>
        <translation>редакция {edition} не последняя: редактируйте последнюю</translation>
    </message>
    <message>
        <source>an accepted offer cannot be changed</source>
        <translation>принятое предложение нельзя изменить</translation>
    </message>
    <message>
        <source>line {line}: {product} is already in line {first}; an offer has one line a product: change the quantity there</source>
        <translation>строка {line}: {product} уже есть в строке {first}; в предложении одна строка на товар — измените количество там</translation>
    </message>
    <message>
        <source>line {line}: the product is not in the catalogue</source>
        <translation>позиция {line}: препарата нет в каталоге</translation>
    </message>
    <message>
        <source>line {line} ({product}): the quantity must be a whole number above zero</source>
        <translation>позиция {line} ({product}): количество должно быть целым числом больше нуля</translation>
    </message>
    <message>
        <source>line {line} ({product}): the discount must be between 0 and 100 %</source>
        <translation>позиция {line} ({product}): скидка должна быть от 0 до 100 %</translation>
    </message>
    <message>
        <source>line {line} ({product}): the discount has more than two decimals</source>
        <translation>позиция {line} ({product}): в скидке больше двух знаков после запятой</translation>
    </message>
    <message>
        <source>line {line}: {product} has no price in the price list: enter the price</source>
        <translation>позиция {line}: у препарата {product} нет цены в прайс-листе — введите цену</translation>
    </message>
    <message>
        <source>line {line} ({product}): the price must be above zero, in kopecks</source>
        <translation>позиция {line} ({product}): цена должна быть больше нуля, с точностью до копеек</translation>
    </message>
    <message>
        <source>the payment deferral must be from 0 to {most} days, not {days}</source>
        <translation>отсрочка платежа должна быть от 0 до {most} дн., а не {days}</translation>
    </message>
    <message>
        <source>line {line}: a reply to a price request quotes the price itself, without a discount</source>
        <translation>строка {line}: в ответе на запрос цен указывается сама цена, без скидки</translation>
    </message>
    <message>
        <source>the price request of {date} is dated after the reply to it</source>
        <translation>запрос цен от {date} датирован позже ответа на него</translation>
    </message>
    <message>
        <source>enter the number of the price request this replies to</source>
        <translation>укажите номер запроса цен, на который дан ответ</translation>
    </message>
    <message>
        <source>enter the date of the price request this replies to</source>
        <translation>укажите дату запроса цен, на который дан ответ</translation>
    </message>
    <message>
        <source>a price reply names each product&apos;s registration certificate: enter it in the catalogue for {products}</source>
        <translation>в ответе на запрос цен указывается регистрационное удостоверение каждого товара: внесите его в каталог для {products}</translation>
    </message>
    <message>
        <source>the supplier&apos;s name</source>
        <translation>название поставщика</translation>
    </message>
    <message>
        <source>the supplier&apos;s INN</source>
        <translation>ИНН поставщика</translation>
    </message>
    <message>
        <source>the supplier&apos;s KPP</source>
        <translation>КПП поставщика</translation>
    </message>
    <message>
        <source>the supplier&apos;s address</source>
        <translation>адрес поставщика</translation>
    </message>
    <message>
        <source>the supplier&apos;s bank</source>
        <translation>банк поставщика</translation>
    </message>
    <message>
        <source>the bank&apos;s BIK</source>
        <translation>БИК банка</translation>
    </message>
    <message>
        <source>the settlement account</source>
        <translation>расчётный счёт</translation>
    </message>
    <message>
        <source>who signs the offer</source>
        <translation>кто подписывает предложение</translation>
    </message>
    <message>
        <source>a newer edition of {number} exists: change that one</source>
        <translation>есть более новая редакция {number}: меняйте её</translation>
    </message>
    <message>
        <source>an offer cannot go from «{old}» to «{new}»</source>
        <translation>предложение нельзя перевести из «{old}» в «{new}»</translation>
    </message>
    <message>
        <source>a discount is above the envelope: the offer needs the manager&apos;s approval before it can be sent</source>
        <translation>скидка выше допустимой: до отправки нужно согласование руководителя</translation>
    </message>
    <message>
        <source>the SKU code is required</source>
        <translation>нужен артикул</translation>
    </message>
    <message>
        <source>the trade name is required</source>
        <translation>нужно торговое наименование</translation>
    </message>
    <message>
        <source>a medicine needs its INN (МНН)</source>
        <translation>лекарственному препарату нужно МНН</translation>
    </message>
    <message>
        <source>choose what the product is</source>
        <translation>укажите вид товара</translation>
    </message>
    <message>
        <source>choose how the product is taxed (VAT)</source>
        <translation>укажите, как товар облагается НДС</translation>
    </message>
    <message>
        <source>comparison {row}: name the competitor&apos;s product</source>
        <translation>сравнение {row}: укажите препарат конкурента</translation>
    </message>
    <message>
        <source>comparison {row}: the price cannot be negative</source>
        <translation>сравнение {row}: цена не может быть отрицательной</translation>
    </message>
    <message>
        <source>another product has the SKU {sku}</source>
        <translation>артикул {sku} уже есть у другого препарата</translation>
    </message>
    <message>
        <source>the price must be above zero</source>
        <translation>цена должна быть больше нуля</translation>
    </message>
    <message>
        <source>cannot read the file: {reason}</source>
        <translation>не удаётся прочитать файл: {reason}</translation>
    </message>
    <message>
        <source>the file is larger than {limit} MB</source>
        <translation>файл больше {limit} МБ</translation>
    </message>
    <message>
        <source>the file contains NUL bytes: it is not a CSV table (save it from Excel or 1C as CSV in UTF-8 or Windows-1251)</source>
        <translation>в файле есть байты NUL: это не таблица CSV (сохраните её из Excel или 1С как CSV в UTF-8 или Windows-1251)</translation>
    </message>
    <message>
        <source>the text contains NUL characters: it is not a CSV table</source>
        <translation>в тексте есть символы NUL: это не таблица CSV</translation>
    </message>
    <message>
        <source>the file is not text in {encoding}: byte {byte} at position {position} does not belong to it</source>
        <translation>файл — не текст в кодировке {encoding}: байт {byte} в позиции {position} ей не принадлежит</translation>
    </message>
    <message>
        <source>the line is {length} characters long; at most {limit} are read</source>
        <translation>символов в строке: {length}; читается не больше {limit}</translation>
    </message>
    <message>
        <source>a quote «&quot;» opened here runs over {limit} characters: it is probably never closed</source>
        <translation>открытая здесь кавычка «&quot;» тянется дальше {limit} символов: вероятно, она нигде не закрыта</translation>
    </message>
    <message>
        <source>a quote «&quot;» opened here is never closed: the rest of the file would be one cell</source>
        <translation>открытая здесь кавычка «&quot;» нигде не закрыта: весь остаток файла стал бы одной ячейкой</translation>
    </message>
    <message>
        <source>text follows a closing quote «&quot;» inside a cell: quote the whole cell and double the quotes in it («&quot;&quot;»)</source>
        <translation>после закрывающей кавычки «&quot;» в ячейке есть текст: заключите всю ячейку в кавычки, а кавычки внутри удвойте («&quot;&quot;»)</translation>
    </message>
    <message>
        <source>an old Excel .xls file: save it as .xlsx or CSV</source>
        <translation>файл старого формата Excel (.xls): сохраните его как .xlsx или CSV</translation>
    </message>
    <message>
        <source>no header row with the columns «Артикул», «Наименование» and «Цена» in the first 15 rows</source>
        <translation>в первых 15 строках нет заголовка со столбцами «Артикул», «Наименование» и «Цена»</translation>
    </message>
    <message>
        <source>the file has more than {limit} rows; import it in parts</source>
        <translation>в файле больше {limit} строк; загрузите его по частям</translation>
    </message>
    <message>
        <source>{file}: {reason}</source>
        <translation>{file}: {reason}</translation>
    </message>
    <message>
        <source>row {row}</source>
        <translation>строка {row}</translation>
    </message>
    <message>
        <source>rows {first}–{last}</source>
        <translation>строки {first}–{last}</translation>
    </message>
    <message>
        <source>{file}, {where}, column «{column}»: {reason}; seen «{seen}»</source>
        <translation>{file}, {where}, столбец «{column}»: {reason}; в файле: «{seen}»</translation>
    </message>
    <message>
        <source>{file}, {where}, column «{column}»: {reason}</source>
        <translation>{file}, {where}, столбец «{column}»: {reason}</translation>
    </message>
    <message>
        <source>{file}, {where}: {reason}; seen «{seen}»</source>
        <translation>{file}, {where}: {reason}; в файле: «{seen}»</translation>
    </message>
    <message>
        <source>{file}, {where}: {reason}</source>
        <translation>{file}, {where}: {reason}</translation>
    </message>
    <message>
        <source>this is KAMdesk&apos;s own database, not a price list</source>
        <translation>это собственная база данных KAMdesk, а не прайс-лист</translation>
    </message>
    <message>
        <source>SKU {sku} is already in row {row}</source>
        <translation>артикул {sku} уже есть в строке {row}</translation>
    </message>
    <message>
        <source>new product {sku} has no INN (МНН): a medicine needs one; for a medical device or other goods say so in a column «Вид товара»</source>
        <translation>у нового товара {sku} нет МНН, а оно нужно лекарственному препарату; если это медицинское изделие или прочий товар, укажите это в столбце «Вид товара»</translation>
    </message>
    <message>
        <source>{sku} is a medicine and has no INN (МНН)</source>
        <translation>{sku} — лекарственный препарат, но у него нет МНН</translation>
    </message>
    <message>
        <source>the file has no rows below its header</source>
        <translation>в файле нет строк под заголовком</translation>
    </message>
    <message>
        <source>«{first}» and «{second}» name the same column; rename or remove one</source>
        <translation>«{first}» и «{second}» обозначают один и тот же столбец; переименуйте или удалите один из них</translation>
    </message>
    <message>
        <source>a line break inside this cell: a quote «&quot;» probably swallowed the next rows</source>
        <translation>перенос строки внутри ячейки: вероятно, кавычка «&quot;» поглотила следующие строки</translation>
    </message>
    <message>
        <source>the control character {code}</source>
        <translation>управляющий символ {code}</translation>
    </message>
    <message>
        <source>{length} characters; the store keeps at most {limit}</source>
        <translation>символов: {length}, а в базе хранится не больше {limit}</translation>
    </message>
    <message>
        <source>there are values to the right of the header&apos;s last column</source>
        <translation>правее последнего столбца заголовка есть значения</translation>
    </message>
    <message>
        <source>no SKU code</source>
        <translation>нет артикула</translation>
    </message>
    <message>
        <source>no product name</source>
        <translation>нет наименования</translation>
    </message>
    <message>
        <source>cells in the row: {count}, in the header: {expected}; a number with a decimal comma (12,75) in a comma-separated file must be in quotes</source>
        <translation>ячеек в строке: {count}, в заголовке: {expected}; число с десятичной запятой (12,75) в файле с разделителем «,» должно быть в кавычках</translation>
    </message>
    <message>
        <source>cells in the row: {count}, in the header: {expected}</source>
        <translation>ячеек в строке: {count}, в заголовке: {expected}</translation>
    </message>
    <message>
        <source>no price</source>
        <translation>нет цены</translation>
    </message>
    <message>
        <source>the price «{value}» is not a number</source>
        <translation>цена «{value}» — не число</translation>
    </message>
    <message>
        <source>the price must be above zero, not {value}</source>
        <translation>цена должна быть больше нуля, а не {value}</translation>
    </message>
    <message>
        <source>the price {value} is not below ten billion roubles: a misread cell?</source>
        <translation>цена {value} — не меньше десяти миллиардов рублей: ячейка прочитана неверно?</translation>
    </message>
    <message>
        <source>the price {value} has more than two decimals (kopecks)</source>
        <translation>в цене {value} больше двух знаков после запятой (копеек)</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Черновик</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Отправлено</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Принято</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Отклонено</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Истекло</translation>
    </message>
    <message>
        <source>the BIK must be 9 digits</source>
        <translation>БИК — это 9 цифр</translation>
    </message>
    <message>
        <source>a bank account must be 20 digits</source>
        <translation>банковский счёт — это 20 цифр</translation>
    </message>
    <message>
        <source>a correspondent account starts with 301</source>
        <translation>корреспондентский счёт начинается с 301</translation>
    </message>
    <message>
        <source>the logo file {path} is not there</source>
        <translation>файла логотипа {path} нет</translation>
    </message>
    <message>
        <source>row {row}: name the product group or the SKU</source>
        <translation>строка {row}: укажите группу или артикул</translation>
    </message>
    <message>
        <source>row {row}: {key} is already in the table</source>
        <translation>строка {row}: {key} уже есть в таблице</translation>
    </message>
    <message>
        <source>row {row}: there is no product group {key}</source>
        <translation>строка {row}: нет группы препаратов {key}</translation>
    </message>
    <message>
        <source>row {row}: there is no product with SKU {key}</source>
        <translation>строка {row}: нет препарата с артикулом {key}</translation>
    </message>
    <message>
        <source>row {row}: the discount must be from 0 to 100 %, not «{value}»</source>
        <translation>строка {row}: скидка — от 0 до 100 %, а не «{value}»</translation>
    </message>
    <message>
        <source>the validity period must be at least one day</source>
        <translation>срок действия — не меньше одного дня</translation>
    </message>
    <message>
        <source>the logo must be a PNG or JPEG file</source>
        <translation>логотип должен быть файлом PNG или JPEG</translation>
    </message>
    <message>
        <source>the workbook holds {count} files; a price list needs far fewer</source>
        <translation>файлов в книге: {count}; прайс-листу нужно гораздо меньше</translation>
    </message>
    <message>
        <source>the workbook unpacks to {size} MB, more than the {limit} MB allowed for a price list</source>
        <translation>книга распаковывается в {size} МБ — больше {limit} МБ, допустимых для прайс-листа</translation>
    </message>
    <message>
        <source>{name} in the workbook unpacks {ratio} times its packed size (a zip bomb?); it was not opened</source>
        <translation>{name} в книге распаковывается в {ratio} раз больше своего сжатого размера (zip-бомба?); книга не открыта</translation>
    </message>
    <message>
        <source>not a readable XLSX workbook ({reason})</source>
        <translation>не удаётся прочитать книгу XLSX ({reason})</translation>
    </message>
    <message>
        <source>the workbook has no worksheet</source>
        <translation>в книге нет ни одного листа</translation>
    </message>
    <message>
        <source>the sheet is damaged after row {row} ({reason})</source>
        <translation>лист повреждён после строки {row} ({reason})</translation>
    </message>
    <message>
        <source>the row has values beyond column {limit}; a price list has fewer</source>
        <translation>в строке есть значения дальше столбца {limit}; в прайс-листе столбцов меньше</translation>
    </message>
    <message>
        <source>the sheet has {count} rows or more; at most {limit} are imported at once</source>
        <translation>строк на листе: {count} или больше; за один раз загружается не больше {limit}</translation>
    </message>
    <message>
        <source>the standard VAT rate on {date} is {rate} (from {since}), not {value} %</source>
        <translation>общая ставка НДС на {date} — {rate} (с {since}), а не {value} %</translation>
    </message>
    <message>
        <source>{value} % is charged only by a supplier on the simplified tax system (УСН), and the supplier&apos;s settings do not say so</source>
        <translation>{value} % применяет только поставщик на упрощённой системе налогообложения (УСН), а в настройках поставщика это не указано</translation>
    </message>
    <message>
        <source>VAT on {date} is {rates} or «без НДС», not «{value}»</source>
        <translation>НДС на {date}: {rates} или «без НДС», а не «{value}»</translation>
    </message>
    <message>
        <source>«{value}» is not a kind of product: write «лекарственный препарат», «медицинское изделие» or «прочее»</source>
        <translation>«{value}» — не вид товара: укажите «лекарственный препарат», «медицинское изделие» или «прочее»</translation>
    </message>
    <message>
        <source>The requisites and the discount envelope are set by the office; a manager can change them.</source>
        <translation>Реквизиты и конверт скидок задаёт офис; изменить их может руководитель.</translation>
    </message>
    <message>
        <source>payment deferral of {days} days is above the {limit} days you may give without the manager&apos;s approval</source>
        <translation>отсрочка платежа {days} дн. больше допустимой без согласования руководителя ({limit} дн.)</translation>
    </message>
    <message>
        <source>discount of {discount} % on {product} is above the {limit} % you may give without the manager&apos;s approval</source>
        <translation>скидка {discount} % на {product} выше допустимой без согласования руководителя ({limit} %)</translation>
    </message>
</context>
<context>
    <name>OffersPage</name>
    <message>
        <source>Search by number or account</source>
        <translation>Поиск по номеру или клиенту</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Все статусы</translation>
    </message>
    <message>
        <source>New offer</source>
        <translation>Новое КП</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Mark sent</source>
        <translation>Отправлено</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Принято</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Отклонено</translation>
    </message>
    <message>
        <source>awaiting approval</source>
        <translation>на согласовании</translation>
    </message>
    <message>
        <source>approval rejected</source>
        <translation>согласование отклонено</translation>
    </message>
    <message>
        <source>needs approval</source>
        <translation>нужно согласование</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Ed.</source>
        <translation>Ред.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Действует до</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Total with VAT</source>
        <translation>Итого с НДС</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Offer</source>
        <translation>Предложение</translation>
    </message>
    <message>
        <source>{number} ed. {edition} {client}.pdf</source>
        <translation>{number} ред. {edition} {client}.pdf</translation>
    </message>
    <message>
        <source>{number} {client}.pdf</source>
        <translation>{number} {client}.pdf</translation>
    </message>
    <message>
        <source>Save the offer</source>
        <translation>Сохранить КП</translation>
    </message>
    <message>
        <source>Building the PDF…</source>
        <translation>Создаётся PDF…</translation>
    </message>
    <message>
        <source>PDF ready: %1</source>
        <translation>PDF готов: %1</translation>
    </message>
    <message>
        <source>Offer PDF ready</source>
        <translation>КП в PDF готово</translation>
    </message>
    <message>
        <source>The PDF was not made</source>
        <translation>PDF не создан</translation>
    </message>
</context>
<context>
    <name>OffersSettingsTab</name>
    <message>
        <source>Choose the logo</source>
        <translation>Выбор логотипа</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Изображения (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>This file is not a PNG or JPEG image.</source>
        <translation>Этот файл — не изображение PNG или JPEG.</translation>
    </message>
    <message>
        <source>The logo could not be copied: %1</source>
        <translation>Не удалось скопировать логотип: %1</translation>
    </message>
    <message>
        <source>The logo could not be read: %1</source>
        <translation>Не удалось прочитать логотип: %1</translation>
    </message>
    <message>
        <source>The saved logo cannot be printed: %1</source>
        <translation>Сохранённый логотип нельзя напечатать: %1</translation>
    </message>
    <message>
        <source>Supplier: letterhead and requisites</source>
        <translation>Поставщик: бланк и реквизиты</translation>
    </message>
    <message>
        <source>Offers</source>
        <translation>КП</translation>
    </message>
    <message>
        <source>Discount envelope</source>
        <translation>Конверт скидок</translation>
    </message>
    <message>
        <source>Company name</source>
        <translation>Наименование</translation>
    </message>
    <message>
        <source>INN</source>
        <translation>ИНН</translation>
    </message>
    <message>
        <source>KPP</source>
        <translation>КПП</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>Банк</translation>
    </message>
    <message>
        <source>BIK</source>
        <translation>БИК</translation>
    </message>
    <message>
        <source>Settlement account</source>
        <translation>Расчётный счёт</translation>
    </message>
    <message>
        <source>Correspondent account</source>
        <translation>Корр. счёт</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>Подписывает</translation>
    </message>
    <message>
        <source>Signer&apos;s position</source>
        <translation>Должность подписанта</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Логотип</translation>
    </message>
    <message>
        <source>Valid for</source>
        <translation>Срок действия</translation>
    </message>
    <message>
        <source>Tax system</source>
        <translation>Система налогообложения</translation>
    </message>
    <message>
        <source> days</source>
        <translation> дн.</translation>
    </message>
    <message>
        <source>General system (VAT 22 %, 10 %, 0 %)</source>
        <translation>Общая система (НДС 22 %, 10 %, 0 %)</translation>
    </message>
    <message>
        <source>Simplified system (USN), VAT 5 %</source>
        <translation>Упрощённая система (УСН), НДС 5 %</translation>
    </message>
    <message>
        <source>Simplified system (USN), VAT 7 %</source>
        <translation>Упрощённая система (УСН), НДС 7 %</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Убрать</translation>
    </message>
</context>
<context>
    <name>OfficeError</name>
    <message>
        <source>the office already has {rows} rows and {users} users; the demo seeds only an empty office database (create a new one)</source>
        <translation>в офисе уже есть записи ({rows}) и пользователи ({users}); демо заполняет только пустую офисную базу (создайте новую)</translation>
    </message>
    <message>
        <source>the demo team lacks a KAM of {kinds} or a manager</source>
        <translation>в демо-команде нет KAM для {kinds} или руководителя</translation>
    </message>
    <message>
        <source>not a database URL: {url!r} ({error})</source>
        <translation>не адрес базы данных: {url!r} ({error})</translation>
    </message>
    <message>
        <source>an office on SQLite needs a file: sqlite:///path/to/office.sqlite</source>
        <translation>офису на SQLite нужен файл: sqlite:///путь/к/office.sqlite</translation>
    </message>
    <message>
        <source>the office runs on PostgreSQL (postgresql+psycopg://…) or SQLite (sqlite:///…), not {backend}</source>
        <translation>офис работает на PostgreSQL (postgresql+psycopg://…) или SQLite (sqlite:///…), а не на {backend}</translation>
    </message>
    <message>
        <source>the office database {url} is not initialised; run `kamdesk server init --db URL` first</source>
        <translation>офисная база {url} не создана; сначала выполните «kamdesk server init --db URL»</translation>
    </message>
    <message>
        <source>the office database {url} is at schema {revision}; run `kamdesk server init --db URL` first</source>
        <translation>офисная база {url} в схеме {revision}; сначала выполните «kamdesk server init --db URL»</translation>
    </message>
    <message>
        <source>the office database has no server_state; run `kamdesk server init`</source>
        <translation>в офисной базе нет server_state; выполните «kamdesk server init»</translation>
    </message>
    <message>
        <source>cannot use the office database {url}: {reason}</source>
        <translation>не удаётся открыть офисную базу {url}: {reason}</translation>
    </message>
    <message>
        <source>no laptop {laptop} is enrolled in this office</source>
        <translation>ноутбук {laptop} не подключён к этому офису</translation>
    </message>
    <message>
        <source>{login} is a {role}, not a manager</source>
        <translation>{login} — {role}, а не менеджер</translation>
    </message>
    <message>
        <source>{login} cannot be their own manager</source>
        <translation>{login} не может быть собственным менеджером</translation>
    </message>
    <message>
        <source>no user {login!r} in this office (kamdesk server user add)</source>
        <translation>в этом офисе нет пользователя {login!r} (kamdesk server user add)</translation>
    </message>
    <message>
        <source>login {login!r}: Latin letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting with a letter or digit</source>
        <translation>логин {login!r}: латинские буквы, цифры, «.», «_» или «-», начинается с буквы или цифры</translation>
    </message>
    <message>
        <source>role {role!r}: one of {roles}</source>
        <translation>роль {role!r}: одна из {roles}</translation>
    </message>
    <message>
        <source>name {name!r}: give the full name, «Фамилия Имя Отчество»</source>
        <translation>имя {name!r}: укажите полностью, «Фамилия Имя Отчество»</translation>
    </message>
    <message>
        <source>the password must have at least {count} characters</source>
        <translation>в пароле должно быть не меньше {count} символов</translation>
    </message>
    <message>
        <source>login {login!r} is already taken</source>
        <translation>логин {login!r} уже занят</translation>
    </message>
    <message>
        <source>{text!r} is not an account id (a UUID)</source>
        <translation>{text!r} — не код клиента (UUID)</translation>
    </message>
</context>
<context>
    <name>OverdueAccounts</name>
    <message>
        <source>never visited</source>
        <translation>не было</translation>
    </message>
    <message>
        <source>%1, +%2 d</source>
        <translation>%1, +%2 дн.</translation>
    </message>
    <message>
        <source>Never visited: due now</source>
        <translation>Визитов не было: пора сейчас</translation>
    </message>
    <message>
        <source>Days overdue: %1</source>
        <translation>Просрочка, дней: %1</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>%1 — win back</source>
        <translation>%1 — вернуть</translation>
    </message>
    <message>
        <source>ABC</source>
        <translation>ABC</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>Последний визит</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>В плане</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>New offer…</source>
        <translation>Новое КП…</translation>
    </message>
    <message>
        <source>Plan a visit…</source>
        <translation>Запланировать визит…</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Визиты</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>Последний визит</translation>
    </message>
    <message>
        <source>Next visit</source>
        <translation>Следующий визит</translation>
    </message>
    <message>
        <source>not planned</source>
        <translation>не запланирован</translation>
    </message>
    <message>
        <source>Next call</source>
        <translation>Следующий звонок</translation>
    </message>
    <message>
        <source>Sales, last 12 complete months</source>
        <translation>Продажи за 12 полных месяцев</translation>
    </message>
    <message>
        <source>The lighter bar is this month so far.</source>
        <translation>Светлый столбик — текущий месяц, данные неполные.</translation>
    </message>
    <message>
        <source>trend against the year before: %s</source>
        <translation>к предыдущему году: %s</translation>
    </message>
    <message>
        <source>no sales the year before to compare with</source>
        <translation>в предыдущем году продаж не было</translation>
    </message>
    <message>
        <source>Share of the sales of its KAM, %1: %2 — above %3: dangerous mono-dependence</source>
        <translation>Доля в продажах КАМ клиента (%1): %2 — больше %3: опасная монозависимость</translation>
    </message>
    <message>
        <source>Share of the sales of its KAM, %1: %2</source>
        <translation>Доля в продажах КАМ клиента (%1): %2</translation>
    </message>
    <message>
        <source>Share of your sales: %2 — above %3: dangerous mono-dependence</source>
        <translation>Доля в ваших продажах: %2 — больше %3: опасная монозависимость</translation>
    </message>
    <message>
        <source>Share of your sales: %2</source>
        <translation>Доля в ваших продажах: %2</translation>
    </message>
    <message>
        <source>Open offers</source>
        <translation>Открытые КП</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>черновик</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>отправлено</translation>
    </message>
    <message>
        <source>%s (%s), valid until %s</source>
        <translation>%s (%s), действует до %s</translation>
    </message>
    <message>
        <source>No open offers.</source>
        <translation>Открытых КП нет.</translation>
    </message>
    <message>
        <source>Overdue follow-ups</source>
        <translation>Просроченные задачи</translation>
    </message>
    <message>
        <source>Nothing overdue.</source>
        <translation>Просроченного нет.</translation>
    </message>
    <message>
        <source>Birthdays in the next 30 days</source>
        <translation>Дни рождения в ближайшие 30 дней</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>Нет.</translation>
    </message>
    <message>
        <source>What the dossier lacks</source>
        <translation>Чего не хватает в досье</translation>
    </message>
    <message>
        <source>Nothing: the dossier is complete.</source>
        <translation>Ничего: досье заполнено.</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Choose a passphrase</source>
        <translation>Придумайте пароль базы</translation>
    </message>
    <message>
        <source>KAMdesk encrypts the new database {path}, and there is no system keyring here to keep its key in. Choose a passphrase and type it twice: it is asked for every time the database or its backups are opened. If it is lost, nobody can read them: write it down and keep it somewhere safe.</source>
        <translation>KAMdesk шифрует новую базу {path}, чтобы данные клиентов нельзя было прочитать с потерянного ноутбука. Придумайте пароль базы и введите его дважды: KAMdesk будет спрашивать его при каждом открытии базы и её резервных копий. Забытый пароль не восстановить — ни вам, ни администратору: запишите его и храните в надёжном месте.</translation>
    </message>
    <message>
        <source>The database is encrypted</source>
        <translation>База данных зашифрована</translation>
    </message>
    <message>
        <source>The database {path} is encrypted. Type its passphrase: the one chosen when it was created or encrypted.</source>
        <translation>База {path} зашифрована. Введите пароль базы — тот, что был задан, когда её создали или зашифровали.</translation>
    </message>
    <message>
        <source>This passphrase does not open the database {path}. Check the keyboard layout and Caps Lock and type it again. If the database was encrypted on another computer or for another user, ask your administrator. Nothing was written to it.</source>
        <translation>Этот пароль не открывает базу {path}. Проверьте раскладку клавиатуры и Caps Lock и введите его ещё раз. Если базу зашифровали на другом компьютере или для другого пользователя, обратитесь к администратору. В базу ничего не записано.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Пароль базы</translation>
    </message>
    <message>
        <source>The passphrase again</source>
        <translation>Пароль базы ещё раз</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Создать</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>PharmaciesTab</name>
    <message numerus="yes">
        <source>%n pharmacies, together %1 in 12 months; the chain with them: %2</source>
        <translation>
            <numerusform>%n аптека, вместе %1 за 12 месяцев; сеть вместе с ними: %2</numerusform>
            <numerusform>%n аптеки, вместе %1 за 12 месяцев; сеть вместе с ними: %2</numerusform>
            <numerusform>%n аптек, вместе %1 за 12 месяцев; сеть вместе с ними: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanAttendee</name>
    <message>
        <source>DM</source>
        <translation>ЛПР</translation>
    </message>
    <message>
        <source>Influencer</source>
        <translation>ЛВР</translation>
    </message>
    <message>
        <source>Approver</source>
        <translation>Согласующий</translation>
    </message>
    <message>
        <source>Expert</source>
        <translation>Эксперт</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Пользователь</translation>
    </message>
    <message>
        <source>Gatekeeper</source>
        <translation>Секретарь</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>Call plan</source>
        <translation>План звонка</translation>
    </message>
    <message>
        <source>Visit plan</source>
        <translation>План визита</translation>
    </message>
    <message>
        <source>Plan a call</source>
        <translation>Запланировать звонок</translation>
    </message>
    <message>
        <source>Plan a visit</source>
        <translation>Запланировать визит</translation>
    </message>
    <message>
        <source>Select a client</source>
        <translation>Выберите клиента</translation>
    </message>
    <message>
        <source>(unknown client)</source>
        <translation>(клиент не найден)</translation>
    </message>
    <message>
        <source>Select the client to call: Save is available once a client is chosen.</source>
        <translation>Выберите клиента для звонка: «Сохранить» станет доступна, когда клиент выбран.</translation>
    </message>
    <message>
        <source>Select the client to visit: Save is available once a client is chosen.</source>
        <translation>Выберите клиента для визита: «Сохранить» станет доступна, когда клиент выбран.</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Звонок</translation>
    </message>
    <message>
        <source>What should this call achieve?</source>
        <translation>Чего должен достичь этот звонок?</translation>
    </message>
    <message>
        <source>min</source>
        <translation>мин</translation>
    </message>
    <message>
        <source>I know the travel time:</source>
        <translation>Время в пути знаю сам:</translation>
    </message>
    <message>
        <source>What should this visit achieve?</source>
        <translation>Чего должен достичь этот визит?</translation>
    </message>
    <message>
        <source>One open question per line</source>
        <translation>По одному открытому вопросу в строке</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Начало</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Длительность</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>Coordinates</source>
        <translation>Координаты</translation>
    </message>
    <message>
        <source>Travel</source>
        <translation>Дорога</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>Участники</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Цель</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Повестка</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Вопросы</translation>
    </message>
    <message>
        <source>Filter products</source>
        <translation>Поиск препарата</translation>
    </message>
    <message>
        <source>Commercial visit (a negotiation)</source>
        <translation>Коммерческий визит (переговоры)</translation>
    </message>
    <message>
        <source>One per line, in the order you may make them</source>
        <translation>По одной в строке, в том порядке, в каком можно уступать</translation>
    </message>
    <message>
        <source>Products to discuss</source>
        <translation>Препараты для обсуждения</translation>
    </message>
    <message>
        <source>Offer to hand over</source>
        <translation>КП для передачи</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>Материалы</translation>
    </message>
    <message>
        <source>Target result</source>
        <translation>Целевой результат</translation>
    </message>
    <message>
        <source>Walk-away point</source>
        <translation>Точка выхода</translation>
    </message>
    <message>
        <source>Concessions</source>
        <translation>Уступки</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Визит</translation>
    </message>
    <message>
        <source>Products and negotiation</source>
        <translation>Препараты и переговоры</translation>
    </message>
    <message>
        <source>No offer</source>
        <translation>Без КП</translation>
    </message>
    <message>
        <source>valid until %1</source>
        <translation>действует до %1</translation>
    </message>
    <message>
        <source>Type the latitude and the longitude, e.g. 56.8587, 35.9176</source>
        <translation>Введите широту и долготу, например 56.8587, 35.9176</translation>
    </message>
    <message>
        <source>Not saved: the database is busy with another program. Your plan is still here; press Save again in a moment.</source>
        <translation>Не сохранено: база данных занята другой программой. План остался здесь — нажмите «Сохранить» ещё раз чуть позже.</translation>
    </message>
</context>
<context>
    <name>PriceImportDialog</name>
    <message>
        <source>Import a price list</source>
        <translation>Загрузка прайс-листа</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Применить</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Чтение файла…</translation>
    </message>
    <message>
        <source>Checking the rows…</source>
        <translation>Проверка строк…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>The file cannot be imported</source>
        <translation>Файл нельзя загрузить</translation>
    </message>
    <message>
        <source>Ready to import</source>
        <translation>Готово к загрузке</translation>
    </message>
    <message>
        <source>%1 rows: %2 new, %3 changed, %4 restored from the archive, %5 unchanged.</source>
        <translation>Строк: %1 — новых %2, изменённых %3, восстановленных из архива %4, без изменений %5.</translation>
    </message>
    <message>
        <source> and %1 more</source>
        <translation> и ещё %1</translation>
    </message>
    <message>
        <source>Prices that change by half or more: %1. That is most often a typo in the file (54,00 for 1 854,00): check these rows before you import.</source>
        <translation>Цены меняются наполовину и больше: %1. Чаще всего это опечатка в файле (54,00 вместо 1 854,00): проверьте эти строки, прежде чем импортировать.</translation>
    </message>
    <message>
        <source>I have checked these prices: import them</source>
        <translation>Я проверил(а) эти цены: импортировать</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Готово</translation>
    </message>
    <message>
        <source>Imported: %1 prices valid from %2.</source>
        <translation>Загружено цен: %1, действуют с %2.</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Отменено</translation>
    </message>
    <message>
        <source>The import was cancelled: nothing was changed.</source>
        <translation>Загрузка отменена: ничего не изменилось.</translation>
    </message>
    <message>
        <source>The import failed</source>
        <translation>Загрузка не удалась</translation>
    </message>
    <message>
        <source>Nothing was changed. %1</source>
        <translation>Ничего не изменилось. %1</translation>
    </message>
    <message>
        <source>%1 — XLSX workbook</source>
        <translation>%1 — книга XLSX</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>табуляция</translation>
    </message>
    <message>
        <source>%1 — CSV, %2, separator %3</source>
        <translation>%1 — CSV, %2, разделитель %3</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Строка</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Столбец</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <source>Seen in the file</source>
        <translation>В файле</translation>
    </message>
    <message>
        <source>%1 problems: nothing will be imported. Correct the file and import again.</source>
        <translation>Ошибок: %1 — ничего не будет загружено. Исправьте файл и загрузите снова.</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Артикул</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Препарат</translation>
    </message>
    <message>
        <source>Price now</source>
        <translation>Цена сейчас</translation>
    </message>
    <message>
        <source>New price</source>
        <translation>Новая цена</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Изменение</translation>
    </message>
    <message>
        <source>new product</source>
        <translation>новый препарат</translation>
    </message>
    <message>
        <source>price</source>
        <translation>цена</translation>
    </message>
    <message>
        <source>will be restored from the archive</source>
        <translation>будет восстановлен из архива</translation>
    </message>
    <message>
        <source>changes: %1</source>
        <translation>изменится: %1</translation>
    </message>
    <message>
        <source>medicine</source>
        <translation>лекарственный препарат</translation>
    </message>
    <message>
        <source>medical device</source>
        <translation>медицинское изделие</translation>
    </message>
    <message>
        <source>other goods</source>
        <translation>прочие товары</translation>
    </message>
    <message>
        <source>standard rate</source>
        <translation>общая ставка</translation>
    </message>
    <message>
        <source>reduced rate</source>
        <translation>льготная ставка</translation>
    </message>
    <message>
        <source>0 %</source>
        <translation>0 %</translation>
    </message>
    <message>
        <source>exempt (без НДС)</source>
        <translation>без НДС (не облагается)</translation>
    </message>
    <message>
        <source>1C code</source>
        <translation>код 1С</translation>
    </message>
    <message>
        <source>product kind</source>
        <translation>вид товара</translation>
    </message>
    <message>
        <source>VAT treatment</source>
        <translation>налогообложение НДС</translation>
    </message>
    <message>
        <source>trade name</source>
        <translation>торговое наименование</translation>
    </message>
    <message>
        <source>INN</source>
        <translation>МНН</translation>
    </message>
    <message>
        <source>form</source>
        <translation>форма</translation>
    </message>
    <message>
        <source>dosage</source>
        <translation>дозировка</translation>
    </message>
    <message>
        <source>pack</source>
        <translation>фасовка</translation>
    </message>
    <message>
        <source>registration number</source>
        <translation>регистрационный номер</translation>
    </message>
    <message>
        <source>group</source>
        <translation>группа</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>НДС</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Останавливаю загрузку…</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>The logo {file} cannot be printed and was left out; choose it again in Settings.</source>
        <translation>Логотип {file} нельзя напечатать, документ сделан без него; выберите логотип заново в настройках.</translation>
    </message>
    <message>
        <source>Characters the font lacks are printed as «?» ({count} different): {characters}</source>
        <translation>Символы, которых нет в шрифте, напечатаны как «?» (разных: {count}): {characters}</translation>
    </message>
</context>
<context>
    <name>ProductDialog</name>
    <message>
        <source>Product</source>
        <translation>Препарат</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Артикул</translation>
    </message>
    <message>
        <source>Trade name</source>
        <translation>Торговое наименование</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Форма</translation>
    </message>
    <message>
        <source>Dosage</source>
        <translation>Дозировка</translation>
    </message>
    <message>
        <source>Pack</source>
        <translation>Упаковка</translation>
    </message>
    <message>
        <source>Registration number</source>
        <translation>Рег. удостоверение</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Группа</translation>
    </message>
    <message>
        <source>Medicine</source>
        <translation>Лекарственный препарат</translation>
    </message>
    <message>
        <source>Medical device</source>
        <translation>Медицинское изделие</translation>
    </message>
    <message>
        <source>Other goods</source>
        <translation>Прочие товары</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид товара</translation>
    </message>
    <message>
        <source>1C code</source>
        <translation>Код 1С</translation>
    </message>
    <message>
        <source>INN (МНН), for a medicine</source>
        <translation>МНН (для лекарственного препарата)</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>НДС</translation>
    </message>
    <message>
        <source>One key message a line</source>
        <translation>По одному ключевому сообщению в строке</translation>
    </message>
    <message>
        <source>Key messages</source>
        <translation>Ключевые сообщения</translation>
    </message>
    <message>
        <source>One a line: objection =&gt; answer</source>
        <translation>По одному в строке: возражение =&gt; ответ</translation>
    </message>
    <message>
        <source>Objections</source>
        <translation>Возражения</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>Аргументы</translation>
    </message>
    <message>
        <source>Competitors</source>
        <translation>Конкуренты</translation>
    </message>
    <message>
        <source>10 % (medicines, medical goods)</source>
        <translation>10 % (лекарства, медицинские товары)</translation>
    </message>
    <message>
        <source>standard rate: %1 from %2</source>
        <translation>общая ставка: %1 с %2</translation>
    </message>
    <message>
        <source>0 %</source>
        <translation>0 %</translation>
    </message>
    <message>
        <source>exempt (без НДС), not 0 %</source>
        <translation>без НДС (не облагается), не 0 %</translation>
    </message>
    <message>
        <source>Competitor row %1: the price is not a number.</source>
        <translation>Конкурент в строке %1: цена — не число.</translation>
    </message>
</context>
<context>
    <name>ProductsPage</name>
    <message>
        <source>Search by name, INN, SKU or group</source>
        <translation>Поиск по названию, МНН, артикулу или группе</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>Новый препарат</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Изменить</translation>
    </message>
    <message>
        <source>Import price list…</source>
        <translation>Загрузить прайс-лист…</translation>
    </message>
    <message>
        <source>Trade name</source>
        <translation>Препарат</translation>
    </message>
    <message>
        <source>INN</source>
        <translation>МНН</translation>
    </message>
    <message>
        <source>Form and pack</source>
        <translation>Форма, упаковка</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Артикул</translation>
    </message>
    <message>
        <source>Price without VAT</source>
        <translation>Цена без НДС</translation>
    </message>
    <message>
        <source>VAT, %</source>
        <translation>НДС, %</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Группа</translation>
    </message>
    <message>
        <source>Key messages</source>
        <translation>Ключевые сообщения</translation>
    </message>
    <message>
        <source>Objections and answers</source>
        <translation>Возражения и ответы</translation>
    </message>
    <message>
        <source>Competitors</source>
        <translation>Конкуренты</translation>
    </message>
    <message>
        <source>Ours:</source>
        <translation>Наши:</translation>
    </message>
    <message>
        <source>Theirs:</source>
        <translation>Их:</translation>
    </message>
    <message>
        <source>Price history</source>
        <translation>История цен</translation>
    </message>
    <message>
        <source>Import a price list</source>
        <translation>Загрузка прайс-листа</translation>
    </message>
    <message>
        <source>Price lists (*.csv *.xlsx)</source>
        <translation>Прайс-листы (*.csv *.xlsx)</translation>
    </message>
</context>
<context>
    <name>Psychotype</name>
    <message>
        <source>Analyst</source>
        <translation>Аналитик</translation>
    </message>
    <message>
        <source>Expressive</source>
        <translation>Экспрессивный</translation>
    </message>
    <message>
        <source>Directive</source>
        <translation>Директивный</translation>
    </message>
    <message>
        <source>Friendly</source>
        <translation>Дружеский</translation>
    </message>
    <message>
        <source>Wants facts and order</source>
        <translation>Ждёт фактов и порядка</translation>
    </message>
    <message>
        <source>Wants attention and compliments</source>
        <translation>Ждёт внимания и комплиментов</translation>
    </message>
    <message>
        <source>Wants brevity and results</source>
        <translation>Ждёт краткости и результата</translation>
    </message>
    <message>
        <source>Wants relationship and trust</source>
        <translation>Ждёт отношений и доверия</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Папка:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>&amp;Тип файлов:</translation>
    </message>
</context>
<context>
    <name>QuitGuard</name>
    <message>
        <source>KAMdesk</source>
        <translation>KAMdesk</translation>
    </message>
    <message>
        <source>Changes are not saved yet: the database is busy.</source>
        <translation>Изменения ещё не сохранены: база занята.</translation>
    </message>
    <message>
        <source>Another program is writing to the database. Wait, and KAMdesk opens the other database once your changes are saved, or open it now and lose them.</source>
        <translation>Другая программа сейчас записывает в базу. Подождите — KAMdesk откроет другую базу, как только изменения будут сохранены, — или откройте её сейчас, потеряв их.</translation>
    </message>
    <message>
        <source>Open without saving</source>
        <translation>Открыть без сохранения</translation>
    </message>
    <message>
        <source>Another program is writing to the database. Wait, and KAMdesk quits once your changes are saved, or quit now and lose them.</source>
        <translation>Другая программа сейчас записывает в базу. Подождите — KAMdesk закроется, как только изменения будут сохранены, — или выйдите сейчас, потеряв их.</translation>
    </message>
    <message>
        <source>Wait</source>
        <translation>Подождать</translation>
    </message>
    <message>
        <source>Quit without saving</source>
        <translation>Выйти без сохранения</translation>
    </message>
</context>
<context>
    <name>RelationshipEventKind</name>
    <message>
        <source>Delivery</source>
        <translation>Поставка</translation>
    </message>
    <message>
        <source>Tender</source>
        <translation>Тендер</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Договорённость</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>Рекламация</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
</context>
<context>
    <name>RemovalQuestion</name>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Remove contact</source>
        <translation>Удалить контакт</translation>
    </message>
    <message>
        <source>Remove the contact «%1»?</source>
        <translation>Удалить контакт «%1»?</translation>
    </message>
    <message>
        <source>Their phones, e-mail, role and influence, personal details and place on the decision-making map go with them. The contact cannot be brought back afterwards.</source>
        <translation>Вместе с ним удаляются телефоны, e-mail, роль и влияние, личные данные и место на карте ЛПР. Вернуть контакт потом будет нельзя.</translation>
    </message>
    <message>
        <source>Remove event</source>
        <translation>Удалить событие</translation>
    </message>
    <message>
        <source>Remove the event «%1» from the relationship history?</source>
        <translation>Удалить событие «%1» из истории отношений?</translation>
    </message>
    <message>
        <source>Its details, amount, tender result and resolution go with it. The event cannot be brought back afterwards.</source>
        <translation>Вместе с ним удаляются подробности, сумма, итог тендера и решение по жалобе. Вернуть событие потом будет нельзя.</translation>
    </message>
    <message>
        <source>Remove competitor</source>
        <translation>Удалить конкурента</translation>
    </message>
    <message>
        <source>Remove the competitor «%1»?</source>
        <translation>Удалить конкурента «%1»?</translation>
    </message>
    <message>
        <source>Its products, terms, strengths and notes go with it. The competitor cannot be brought back afterwards.</source>
        <translation>Вместе с ним удаляются его препараты, условия, сильные стороны и заметки. Вернуть конкурента потом будет нельзя.</translation>
    </message>
</context>
<context>
    <name>ReportCommand</name>
    <message>
        <source>reports for the manager</source>
        <translation>отчёты для руководителя</translation>
    </message>
    <message>
        <source>Reports for the manager, as the window exports them.</source>
        <translation>Отчёты для руководителя, такие же, как выгрузка из окна программы.</translation>
    </message>
    <message>
        <source>REPORT</source>
        <translation>ОТЧЁТ</translation>
    </message>
    <message>
        <source>reports</source>
        <translation>отчёты</translation>
    </message>
    <message>
        <source>visit reports and KPIs of a period as XLSX or PDF</source>
        <translation>отчёты о визитах и показатели за период в XLSX или PDF</translation>
    </message>
    <message>
        <source>One row per visit with every report field, and a summary of the KPIs (visits held vs planned, clients covered vs overdue, offers sent and accepted, follow-ups done on time). Contacts appear by name, position and role only. The document is in the language of the run (--lang).</source>
        <translation>По строке на визит со всеми полями отчёта и сводка показателей (проведённые визиты против запланированных, охваченные клиенты против просроченных, отправленные и принятые КП, задачи, выполненные в срок). Контакты указываются только по имени, должности и роли. Документ — на языке запуска (--lang).</translation>
    </message>
    <message>
        <source>the first day</source>
        <translation>первый день</translation>
    </message>
    <message>
        <source>the last day</source>
        <translation>последний день</translation>
    </message>
    <message>
        <source>xlsx or pdf; default: from the output file&apos;s extension</source>
        <translation>xlsx или pdf; по умолчанию — по расширению файла</translation>
    </message>
    <message>
        <source>the file to write (.xlsx or .pdf)</source>
        <translation>файл, который нужно записать (.xlsx или .pdf)</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>КОД</translation>
    </message>
    <message>
        <source>only this client, by its full id (repeatable)</source>
        <translation>только этот клиент, по полному коду (можно несколько раз)</translation>
    </message>
    <message>
        <source>KIND</source>
        <translation>ТИП</translation>
    </message>
    <message>
        <source>only clients of this kind: {kinds} (repeatable)</source>
        <translation>только клиенты этого типа: {kinds} (можно несколько раз)</translation>
    </message>
    <message>
        <source>give --format xlsx or pdf (or an output file ending in .xlsx or .pdf)</source>
        <translation>укажите --format xlsx или pdf (или файл с расширением .xlsx или .pdf)</translation>
    </message>
    <message>
        <source>--account takes a client&apos;s full id</source>
        <translation>--account принимает полный код клиента</translation>
    </message>
    <message>
        <source>wrote {path}: visits: {count}</source>
        <translation>записан {path}: визитов: {count}</translation>
    </message>
</context>
<context>
    <name>ReportForm</name>
    <message>
        <source>Visit report: %1</source>
        <translation>Отчёт о визите: %1</translation>
    </message>
    <message>
        <source>Call report: %1</source>
        <translation>Отчёт о звонке: %1</translation>
    </message>
    <message>
        <source>Planned %1, %2 min</source>
        <translation>План: %1, %2 мин</translation>
    </message>
    <message>
        <source>Objective: %1</source>
        <translation>Цель: %1</translation>
    </message>
    <message>
        <source>min</source>
        <translation>мин</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— выберите —</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Да</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Нет</translation>
    </message>
    <message>
        <source>Submitted report</source>
        <translation>Сданный отчёт</translation>
    </message>
    <message>
        <source>Submitted; it will be sent to the manager at the next sync. Corrections: a dated addendum</source>
        <translation>Отчёт сдан и будет отправлен руководителю при следующей синхронизации. Исправления — датированным дополнением</translation>
    </message>
    <message>
        <source>The database is busy with another program — the report stays here and will be saved as soon as it is free.</source>
        <translation>База данных занята другой программой — отчёт остаётся здесь и будет сохранён, как только она освободится.</translation>
    </message>
    <message>
        <source>Not submitted yet: the database is busy. Try again in a moment.</source>
        <translation>Пока не сдан: база данных занята. Попробуйте ещё раз чуть позже.</translation>
    </message>
    <message>
        <source>Submitted %1; delivered to the manager</source>
        <translation>Сдан %1; доставлен руководителю</translation>
    </message>
    <message>
        <source>Submitted %1; it will be sent to the manager at the next sync</source>
        <translation>Сдан %1; будет отправлен руководителю при следующей синхронизации</translation>
    </message>
    <message>
        <source>Another question asked, Enter adds it</source>
        <translation>Ещё заданный вопрос — Enter добавит его</translation>
    </message>
    <message>
        <source>Another objection heard, Enter adds it</source>
        <translation>Ещё услышанное возражение — Enter добавит его</translation>
    </message>
    <message>
        <source>Actual start</source>
        <translation>Фактическое начало</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Длительность</translation>
    </message>
    <message>
        <source>Objective reached</source>
        <translation>Цель достигнута</translation>
    </message>
    <message>
        <source>Client&apos;s mood</source>
        <translation>Настрой клиента</translation>
    </message>
    <message>
        <source>Plan versus actual (Space ticks)</source>
        <translation>План и факт (пробел отмечает)</translation>
    </message>
    <message>
        <source>Another product discussed: type its name, Enter adds it</source>
        <translation>Ещё обсуждённый препарат: начните вводить название, Enter добавит</translation>
    </message>
    <message>
        <source>Someone else who took part: type the name, Enter adds them</source>
        <translation>Кто ещё участвовал: начните вводить фамилию, Enter добавит</translation>
    </message>
    <message>
        <source>Questions asked</source>
        <translation>Заданные вопросы</translation>
    </message>
    <message>
        <source>Products discussed</source>
        <translation>Обсуждённые препараты</translation>
    </message>
    <message>
        <source>Attendees present</source>
        <translation>Присутствовали</translation>
    </message>
    <message>
        <source>Objections heard</source>
        <translation>Услышанные возражения</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Итог</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>Договорённости</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>Следующие шаги</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>Add addendum</source>
        <translation>Добавить дополнение</translation>
    </message>
    <message>
        <source>Save report (Ctrl+Enter)</source>
        <translation>Сохранить отчёт (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Закрыть (Esc)</translation>
    </message>
    <message>
        <source>(not planned)</source>
        <translation>(вне плана)</translation>
    </message>
    <message>
        <source>Draft saved at %1</source>
        <translation>Черновик сохранён в %1</translation>
    </message>
</context>
<context>
    <name>RescheduleDialog</name>
    <message>
        <source>Reschedule the call: %1, %2</source>
        <translation>Перенос звонка: %1, %2</translation>
    </message>
    <message>
        <source>Reschedule the visit: %1, %2</source>
        <translation>Перенос визита: %1, %2</translation>
    </message>
    <message>
        <source>Reschedule the call</source>
        <translation>Перенос звонка</translation>
    </message>
    <message>
        <source>Reschedule the visit</source>
        <translation>Перенос визита</translation>
    </message>
    <message>
        <source>%1 min, as planned</source>
        <translation>%1 мин, как запланировано</translation>
    </message>
    <message>
        <source>New date and time</source>
        <translation>Новые дата и время</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Длительность</translation>
    </message>
    <message>
        <source>Reschedule</source>
        <translation>Перенести</translation>
    </message>
    <message>
        <source>This time has already passed: choose a date and time still ahead.</source>
        <translation>Это время уже прошло: выберите дату и время, которые ещё впереди.</translation>
    </message>
</context>
<context>
    <name>RouteDialog</name>
    <message>
        <source>Route for %1</source>
        <translation>Маршрут на %1</translation>
    </message>
    <message>
        <source>#</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Сейчас</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>Предлагается</translation>
    </message>
    <message>
        <source>Travel, min</source>
        <translation>Дорога, мин</translation>
    </message>
    <message>
        <source>Straight-line distance: %1 km now, %2 km in this order.</source>
        <translation>По прямой: сейчас %1 км, в этом порядке %2 км.</translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s) without coordinates stay where they are.</source>
        <translation>
            <numerusform>%n визит без координат остаётся на своём времени.</numerusform>
            <numerusform>%n визита без координат остаются на своём времени.</numerusform>
            <numerusform>%n визитов без координат остаются на своём времени.</numerusform>
        </translation>
    </message>
    <message>
        <source>Move the visits</source>
        <translation>Перенести визиты</translation>
    </message>
</context>
<context>
    <name>RowsEditor</name>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
</context>
<context>
    <name>SalesChart</name>
    <message>
        <source>%1, so far: %2</source>
        <translation>%1, пока: %2</translation>
    </message>
    <message>
        <source>No sales in these months</source>
        <translation>Продаж за эти месяцы не было</translation>
    </message>
</context>
<context>
    <name>Salvage</name>
    <message>
        <source>{path} is not a KAMdesk database (or so damaged that its list of changes cannot be found): nothing was taken from it, and the current database was not changed.</source>
        <translation>{path} — не база KAMdesk (или повреждена так, что список изменений в ней не найти): из неё ничего не взято, текущая база не изменена.</translation>
    </message>
    <message>
        <source>{path} is the database KAMdesk is working with, not a copy of it: choose the moved-aside or damaged file.</source>
        <translation>{path} — это база, с которой сейчас работает KAMdesk, а не её копия: выберите отложенный или повреждённый файл.</translation>
    </message>
    <message>
        <source>{path} belongs to another user ({theirs}; this database is {mine}&apos;s): their changes are not sent in your name. Nothing was changed.</source>
        <translation>{path} принадлежит другому пользователю ({theirs}; эта база — пользователя {mine}): его изменения не отправляются от вашего имени. Ничего не изменено.</translation>
    </message>
</context>
<context>
    <name>SalvageCommand</name>
    <message>
        <source>Copy of the database with unsent changes</source>
        <translation>Копия базы с неотправленными изменениями</translation>
    </message>
    <message>
        <source>KAMdesk databases (*.sqlite *.db);;All files (*)</source>
        <translation>Базы KAMdesk (*.sqlite *.db);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Reading unsent changes from {file}…</source>
        <translation>Чтение неотправленных изменений из {file}…</translation>
    </message>
    <message>
        <source>Changes found in the copy: {count}</source>
        <translation>Изменений найдено в копии: {count}</translation>
    </message>
    <message>
        <source>Queued to be sent to the office: {count}</source>
        <translation>Поставлено в очередь для офиса: {count}</translation>
    </message>
    <message>
        <source>Already received by the office: {count}</source>
        <translation>Офис уже получил: {count}</translation>
    </message>
    <message>
        <source>Already returned from this copy before: {count}</source>
        <translation>Уже возвращены из этой копии раньше: {count}</translation>
    </message>
    <message>
        <source>Changed again in this database since: {count}</source>
        <translation>С тех пор изменены в этой базе заново: {count}</translation>
    </message>
    <message>
        <source>Could not be read (damaged): {count}</source>
        <translation>Не удалось прочитать (повреждены): {count}</translation>
    </message>
    <message>
        <source>The next sync with the office sends them.</source>
        <translation>Следующая синхронизация с офисом отправит их.</translation>
    </message>
    <message>
        <source>Unsent changes</source>
        <translation>Неотправленные изменения</translation>
    </message>
    <message>
        <source>Return &amp;unsent changes from a copy…</source>
        <translation>Вернуть &amp;неотправленное из копии…</translation>
    </message>
</context>
<context>
    <name>SavedFiles</name>
    <message>
        <source>Saved to {path}</source>
        <translation>Сохранено: {path}</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
</context>
<context>
    <name>Sections</name>
    <message>
        <source>Clients</source>
        <translation>Клиенты</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Визиты</translation>
    </message>
    <message>
        <source>Offers</source>
        <translation>КП</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Продукты</translation>
    </message>
    <message>
        <source>Analytics</source>
        <translation>Аналитика</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Синхронизация</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Команда</translation>
    </message>
    <message>
        <source>Visits will be planned and reported here.</source>
        <translation>Здесь будут планироваться визиты и составляться отчёты о них.</translation>
    </message>
    <message>
        <source>Plan each visit: objective, agenda, questions, products to discuss, and the attendees with their role and psychotype.</source>
        <translation>План каждого визита: цель, повестка, вопросы, продукты для обсуждения и участники с их ролью и психотипом.</translation>
    </message>
    <message>
        <source>A pre-meeting checklist built from the seven common mistakes: being late, arguing, interrupting, coming without information, poor preparation, bad manners, not knowing the product.</source>
        <translation>Чек-лист перед встречей по семи типичным ошибкам: опоздания, споры, перебивание собеседника, отсутствие сведений, недостаточная подготовка, плохие манеры, незнание своего продукта.</translation>
    </message>
    <message>
        <source>A route for the day, so that you arrive early.</source>
        <translation>Маршрут на день, чтобы приезжать заранее.</translation>
    </message>
    <message>
        <source>The visit report: what was discussed, agreements, objections heard, next steps with dates; sent to your manager.</source>
        <translation>Отчёт о визите: что обсуждали, договорённости, прозвучавшие возражения, следующие шаги со сроками; уходит руководителю.</translation>
    </message>
    <message>
        <source>Commercial offers will be prepared here.</source>
        <translation>Здесь будут готовиться коммерческие предложения.</translation>
    </message>
    <message>
        <source>An offer built from the price list, with VAT shown separately and the amount in words.</source>
        <translation>КП на основе прайс-листа, с выделенным НДС и суммой прописью.</translation>
    </message>
    <message>
        <source>Arguments grouped by the people of the decision-making unit and what each of them cares about.</source>
        <translation>Аргументы, сгруппированные по участникам схемы принятия решений и по тому, что важно каждому.</translation>
    </message>
    <message>
        <source>The team that prepared it, with positions and contacts, and the validity period.</source>
        <translation>Команда, подготовившая КП, с должностями и контактами, и срок действия.</translation>
    </message>
    <message>
        <source>Follow-up after sending: check it arrived, ask about next steps, agree the date of the next call or meeting.</source>
        <translation>Сопровождение после отправки: убедиться, что КП получено, узнать о следующих шагах, договориться о дате звонка или встречи.</translation>
    </message>
    <message>
        <source>Your product knowledge will be kept here.</source>
        <translation>Здесь будут собраны знания о ваших продуктах.</translation>
    </message>
    <message>
        <source>The catalogue: international non-proprietary name, trade name, dosage form, pack, VAT rate.</source>
        <translation>Каталог: МНН, торговое наименование, лекарственная форма, упаковка, ставка НДС.</translation>
    </message>
    <message>
        <source>Key messages and answers to objections.</source>
        <translation>Ключевые сообщения и ответы на возражения.</translation>
    </message>
    <message>
        <source>Comparison with competitors&apos; products, their prices and terms.</source>
        <translation>Сравнение с продуктами конкурентов, их ценами и условиями.</translation>
    </message>
    <message>
        <source>Price lists and the history of prices.</source>
        <translation>Прайс-листы и история цен.</translation>
    </message>
    <message>
        <source>Analytics of your territory will be shown here.</source>
        <translation>Здесь будет аналитика по вашей территории.</translation>
    </message>
    <message>
        <source>The ABC–XYZ matrix (AX … CZ) and what it means for visit frequency.</source>
        <translation>Матрица ABC–XYZ (AX … CZ) и что она значит для частоты визитов.</translation>
    </message>
    <message>
        <source>A warning about mono-dependence when one client brings more than 75 % of sales.</source>
        <translation>Предупреждение о монозависимости, когда один клиент даёт больше 75 % продаж.</translation>
    </message>
    <message>
        <source>Clients at risk and lost clients, with the list to win back.</source>
        <translation>Клиенты под угрозой и потерянные клиенты, список на возврат.</translation>
    </message>
    <message>
        <source>Retention and churn, meetings held, and sales-plan fulfilment.</source>
        <translation>Удержание и отток, проведённые встречи, выполнение плана продаж.</translation>
    </message>
    <message>
        <source>Exchange with the office server will be set up here.</source>
        <translation>Здесь будет настраиваться обмен с сервером офиса.</translation>
    </message>
    <message>
        <source>KAMdesk works without a connection; every change you make is kept in a change log on this laptop.</source>
        <translation>KAMdesk работает без связи; каждое ваше изменение записывается в журнал изменений на этом ноутбуке.</translation>
    </message>
    <message>
        <source>When the office server is set up, changes will be sent and received here, and any conflicts shown for you to resolve.</source>
        <translation>Когда сервер офиса будет настроен, здесь будут отправляться и приниматься изменения, а конфликты — показываться для разрешения.</translation>
    </message>
    <message>
        <source>Until then, everything stays on this laptop.</source>
        <translation>До тех пор всё остаётся на этом ноутбуке.</translation>
    </message>
</context>
<context>
    <name>ServerCommand</name>
    <message>
        <source>the office server: create its database, add users, grant accounts, serve it</source>
        <translation>офисный сервер: создание базы, пользователи, доступ к клиентам, запуск</translation>
    </message>
    <message>
        <source>The office server laptops sync with. The database is given as --db URL (default ${env}): sqlite:///path/office.sqlite or postgresql+psycopg://user@host/dbname.</source>
        <translation>Офисный сервер, с которым синхронизируются ноутбуки. База указывается как --db URL (по умолчанию ${env}): sqlite:///путь/office.sqlite или postgresql+psycopg://пользователь@сервер/база.</translation>
    </message>
    <message>
        <source>create or migrate the office database</source>
        <translation>создать или обновить офисную базу</translation>
    </message>
    <message>
        <source>Create the office tables (or migrate them to this version) and start the office&apos;s epoch. Safe to run again.</source>
        <translation>Создать таблицы офиса (или обновить их до этой версии) и начать эпоху офиса. Можно запускать повторно.</translation>
    </message>
    <message>
        <source>after restoring the database from a backup: make every laptop resync</source>
        <translation>после восстановления базы из копии: заставить все ноутбуки синхронизироваться заново</translation>
    </message>
    <message>
        <source>Give the office a new epoch. Run it after restoring the database from a backup: each laptop then drops what it had from the office, pulls again and re-sends whatever the restored office no longer has (the office ignores changes it already holds).</source>
        <translation>Начать новую эпоху офиса. Запускайте после восстановления базы из резервной копии: каждый ноутбук отбросит полученное от офиса, получит данные заново и снова отправит то, чего в восстановленном офисе больше нет (уже имеющиеся изменения офис пропускает).</translation>
    </message>
    <message>
        <source>forget deletions older than N days</source>
        <translation>забыть удаления старше заданного числа дней</translation>
    </message>
    <message>
        <source>Remove deleted records whose deletion is older than --older-than days, with their text history. Safe while the office serves. A laptop that last synced before one of the removed deletions takes a fresh copy on its next sync; edits waiting on it are kept.</source>
        <translation>Удалить из офиса удалённые записи, удалённые более --older-than дней назад, вместе с историей их текстов. Можно запускать, пока офис работает. Ноутбук, который последний раз синхронизировался до одного из забытых удалений, при следующей синхронизации получит свежую копию; ожидающие на нём правки сохранятся.</translation>
    </message>
    <message>
        <source>DAYS</source>
        <translation>ДНЕЙ</translation>
    </message>
    <message>
        <source>age of a deletion in days (180)</source>
        <translation>возраст удаления в днях (180)</translation>
    </message>
    <message>
        <source>serve the office (HTTP; TLS with --ssl-keyfile/--ssl-certfile)</source>
        <translation>запустить офисный сервер (HTTP; TLS с --ssl-keyfile/--ssl-certfile)</translation>
    </message>
    <message>
        <source>Serve the office database over HTTP with uvicorn. Behind a reverse proxy keep the default loopback host; see docs/deploy-office.md.</source>
        <translation>Открыть офисную базу по HTTP через uvicorn. За обратным прокси оставьте адрес по умолчанию (127.0.0.1); см. docs/deploy-office.md.</translation>
    </message>
    <message>
        <source>ADDRESS</source>
        <translation>АДРЕС</translation>
    </message>
    <message>
        <source>address to listen on (127.0.0.1)</source>
        <translation>адрес, на котором принимать соединения (127.0.0.1)</translation>
    </message>
    <message>
        <source>port (8765)</source>
        <translation>порт (8765)</translation>
    </message>
    <message>
        <source>worker processes (1); they share the database</source>
        <translation>рабочих процессов (1); они работают с одной базой</translation>
    </message>
    <message>
        <source>TLS private key (PEM)</source>
        <translation>закрытый ключ TLS (PEM)</translation>
    </message>
    <message>
        <source>TLS certificate (PEM)</source>
        <translation>сертификат TLS (PEM)</translation>
    </message>
    <message>
        <source>the office&apos;s users</source>
        <translation>пользователи офиса</translation>
    </message>
    <message>
        <source>The office&apos;s users.</source>
        <translation>Пользователи офиса.</translation>
    </message>
    <message>
        <source>add a KAM, a manager or an admin</source>
        <translation>добавить KAM, руководителя или администратора</translation>
    </message>
    <message>
        <source>Add a user. Without --password-file a password is generated and printed once: login=… role=… password=… name=…</source>
        <translation>Добавить пользователя. Без --password-file пароль создаётся и печатается один раз: login=… role=… password=… name=…</translation>
    </message>
    <message>
        <source>the login (Latin letters, digits, . _ -)</source>
        <translation>логин (латинские буквы, цифры, . _ -)</translation>
    </message>
    <message>
        <source>kam, manager or admin</source>
        <translation>kam (менеджер), manager (руководитель) или admin (администратор)</translation>
    </message>
    <message>
        <source>the full name: «Фамилия Имя Отчество»</source>
        <translation>полное имя: «Фамилия Имя Отчество»</translation>
    </message>
    <message>
        <source>the login of the user&apos;s manager</source>
        <translation>логин руководителя пользователя</translation>
    </message>
    <message>
        <source>read the password from the first line of the file (at least 8 characters)</source>
        <translation>взять пароль из первой строки файла (не меньше 8 символов)</translation>
    </message>
    <message>
        <source>move a user into a manager&apos;s team, or out of it</source>
        <translation>перевести пользователя в команду менеджера или вывести из неё</translation>
    </message>
    <message>
        <source>Make MANAGER the user&apos;s manager, or leave them without one (--none). The new manager&apos;s next sync brings the user&apos;s clients; the old manager&apos;s removes them (edits waiting on that laptop are kept as sync issues).</source>
        <translation>Назначить пользователю менеджера МЕНЕДЖЕР или оставить его без менеджера (--none). Следующая синхронизация нового менеджера принесёт клиентов пользователя, а у прежнего менеджера удалит их (ожидающие на его ноутбуке правки сохранятся как вопросы синхронизации).</translation>
    </message>
    <message>
        <source>MANAGER</source>
        <translation>МЕНЕДЖЕР</translation>
    </message>
    <message>
        <source>the login of the new manager</source>
        <translation>логин нового менеджера</translation>
    </message>
    <message>
        <source>leave the user without a manager</source>
        <translation>оставить пользователя без менеджера</translation>
    </message>
    <message>
        <source>let a user see and edit these clients</source>
        <translation>дать пользователю доступ к этим клиентам</translation>
    </message>
    <message>
        <source>Let a user see and edit these clients.</source>
        <translation>Дать пользователю право видеть и менять этих клиентов.</translation>
    </message>
    <message>
        <source>take these clients away from a user</source>
        <translation>забрать у пользователя этих клиентов</translation>
    </message>
    <message>
        <source>Take these clients away from a user.</source>
        <translation>Забрать у пользователя доступ к этим клиентам.</translation>
    </message>
    <message>
        <source>the user&apos;s login</source>
        <translation>логин пользователя</translation>
    </message>
    <message>
        <source>CLIENT_ID</source>
        <translation>КОД_КЛИЕНТА</translation>
    </message>
    <message>
        <source>client ids (UUID)</source>
        <translation>коды клиентов (UUID)</translation>
    </message>
    <message>
        <source>list the enrolled laptops</source>
        <translation>список подключённых ноутбуков</translation>
    </message>
    <message>
        <source>One line per laptop ever enrolled: its code, client id, user, device, when it enrolled and was last heard from, and whether it is revoked.</source>
        <translation>По строке на каждый когда-либо подключённый ноутбук: его код, код клиента, пользователь, устройство, когда подключён и когда последний раз выходил на связь, отключён ли он.</translation>
    </message>
    <message>
        <source>cut off a lost or stolen laptop (its token stops working at once)</source>
        <translation>отключить потерянный или украденный ноутбук (его токен сразу перестаёт действовать)</translation>
    </message>
    <message>
        <source>Revoke a laptop&apos;s token by its code (K007) or client id. Its next sync is refused; its user may log in again on another laptop.</source>
        <translation>Отозвать токен ноутбука по его коду (K007) или коду клиента. Следующая синхронизация будет отклонена; пользователь может снова войти на другом ноутбуке.</translation>
    </message>
    <message>
        <source>LAPTOP</source>
        <translation>НОУТБУК</translation>
    </message>
    <message>
        <source>the laptop&apos;s code (K007) or client id</source>
        <translation>код ноутбука (K007) или код клиента</translation>
    </message>
    <message>
        <source>seed an empty office with the demo territory and its users</source>
        <translation>наполнить пустой офис демонстрационной территорией и её пользователями</translation>
    </message>
    <message>
        <source>Build the demo territory (as `kamdesk demo` does), load it into an empty office database (initialising it when needed) and split the clients among three KAMs: hospitals (with the ministry and other institutions), pharmacy chains with their pharmacies, and distributors; add their manager and an admin. Prints one line per user: login=… role=… password=… name=…</source>
        <translation>Собрать демонстрационную территорию (как «kamdesk demo»), загрузить её в пустую офисную базу (создав её при необходимости) и разделить клиентов между тремя KAM: больницы (с министерством и другими учреждениями), аптечные сети с их аптеками и дистрибьюторы; добавить их руководителя и администратора. Печатает по строке на пользователя: login=… role=… password=… name=…</translation>
    </message>
    <message>
        <source>the office database: sqlite:///path or postgresql+psycopg://… (default ${env})</source>
        <translation>офисная база: sqlite:///путь или postgresql+psycopg://… (по умолчанию ${env})</translation>
    </message>
    <message>
        <source>office database ready: epoch {epoch}, version {version}</source>
        <translation>офисная база готова: эпоха {epoch}, версия {version}</translation>
    </message>
    <message>
        <source>new epoch {epoch}: every laptop resyncs with the office on its next sync</source>
        <translation>новая эпоха {epoch}: каждый ноутбук заново синхронизируется с офисом при следующей синхронизации</translation>
    </message>
    <message>
        <source>--older-than must not be negative</source>
        <translation>--older-than не может быть отрицательным</translation>
    </message>
    <message>
        <source>purged deleted records: {rows}, text versions: {texts}, kept (still referred to): {kept}; horizon {horizon}</source>
        <translation>забыто удалённых записей: {rows}, версий текстов: {texts}, оставлено (на них ещё ссылаются): {kept}; горизонт {horizon}</translation>
    </message>
    <message>
        <source>--workers must be at least 1</source>
        <translation>--workers должно быть не меньше 1</translation>
    </message>
    <message>
        <source>TLS needs both --ssl-keyfile and --ssl-certfile</source>
        <translation>для TLS нужны и --ssl-keyfile, и --ssl-certfile</translation>
    </message>
    <message>
        <source>office seeded: rows: {rows}, clients: {accounts}</source>
        <translation>офис наполнен: строк: {rows}, клиентов: {accounts}</translation>
    </message>
    <message>
        <source>(already so)</source>
        <translation>(уже так)</translation>
    </message>
    <message>
        <source>granted</source>
        <translation>доступ дан</translation>
    </message>
    <message>
        <source>already granted</source>
        <translation>доступ уже был</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>доступ забран</translation>
    </message>
    <message>
        <source>was not granted</source>
        <translation>доступа и не было</translation>
    </message>
    <message>
        <source> (the office has no rows of it yet)</source>
        <translation> (в офисе ещё нет его данных)</translation>
    </message>
    <message>
        <source>no laptop has enrolled yet</source>
        <translation>ни один ноутбук ещё не подключён</translation>
    </message>
    <message>
        <source>never</source>
        <translation>никогда</translation>
    </message>
    <message>
        <source>revoked {time}</source>
        <translation>отключён {time}</translation>
    </message>
    <message>
        <source>active</source>
        <translation>подключён</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>The share for class A must be smaller than the share for class B.</source>
        <translation>Доля для класса A должна быть меньше доли для класса B.</translation>
    </message>
    <message>
        <source>The variation limit for X must be smaller than the limit for Y.</source>
        <translation>Порог вариации для X должен быть меньше порога для Y.</translation>
    </message>
    <message>
        <source>A client must be at risk before it counts as lost.</source>
        <translation>Клиент должен оказаться под угрозой раньше, чем считаться потерянным.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Интерфейс</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Общие</translation>
    </message>
    <message>
        <source>Offers</source>
        <translation>КП</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Язык системы</translation>
    </message>
    <message>
        <source>Analytics thresholds</source>
        <translation>Пороги аналитики</translation>
    </message>
    <message>
        <source>Class A: the largest buyers, up to this share of sales</source>
        <translation>Класс A: крупнейшие покупатели, до этой доли продаж</translation>
    </message>
    <message>
        <source>Class B: the next ones, up to this share (C: the rest)</source>
        <translation>Класс B: следующие, до этой доли (C: остальные)</translation>
    </message>
    <message>
        <source>Class X (regular): variation on its own purchase cycle up to</source>
        <translation>Класс X (регулярные): вариация на собственном цикле закупок до</translation>
    </message>
    <message>
        <source>Class Y (fluctuating): variation up to (Z: irregular)</source>
        <translation>Класс Y (колеблющиеся): вариация до (Z: нерегулярные)</translation>
    </message>
    <message>
        <source>Months analysed</source>
        <translation>Анализируемый период</translation>
    </message>
    <message>
        <source>At risk after this many days without a purchase</source>
        <translation>Под угрозой после стольких дней без закупок</translation>
    </message>
    <message>
        <source>Lost after this many days without a purchase</source>
        <translation>Потерян после стольких дней без закупок</translation>
    </message>
    <message>
        <source>Warn of mono-dependence when one client brings more than</source>
        <translation>Предупреждать о монозависимости, если один клиент даёт больше</translation>
    </message>
    <message>
        <source> days</source>
        <translation> дн.</translation>
    </message>
    <message>
        <source> months</source>
        <translation> мес.</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Резервные копии</translation>
    </message>
    <message>
        <source>KAMdesk backs the database up once a day, into the «backups» folder beside it; File ▸ Restore from backup… brings one back.</source>
        <translation>KAMdesk раз в день копирует базу в папку «backups» рядом с ней; Файл ▸ Восстановить из резервной копии… возвращает копию.</translation>
    </message>
    <message>
        <source>Backups kept (older ones are deleted)</source>
        <translation>Хранить копий (более старые удаляются)</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>&amp;New account…</source>
        <translation>&amp;Новый клиент…</translation>
    </message>
    <message>
        <source>&amp;New visit…</source>
        <translation>&amp;Новый визит…</translation>
    </message>
    <message>
        <source>&amp;New offer…</source>
        <translation>&amp;Новое КП…</translation>
    </message>
    <message>
        <source>&amp;New product…</source>
        <translation>&amp;Новый препарат…</translation>
    </message>
    <message>
        <source>New account, visit, offer or product (the section shown)</source>
        <translation>Новый клиент, визит, КП или препарат (в открытом разделе)</translation>
    </message>
    <message>
        <source>Search (the client list&apos;s search box)</source>
        <translation>Поиск (строка поиска в списке клиентов)</translation>
    </message>
    <message>
        <source>From the search box into the list / open the card</source>
        <translation>Из строки поиска в список / открыть карточку</translation>
    </message>
    <message>
        <source>Go to a section</source>
        <translation>Перейти в раздел</translation>
    </message>
    <message>
        <source>Open a database</source>
        <translation>Открыть базу данных</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>Новая база данных</translation>
    </message>
    <message>
        <source>Undo / redo on the card (undo also on the Visits page)</source>
        <translation>Отменить / повторить в карточке (отмена — и на странице «Визиты»)</translation>
    </message>
    <message>
        <source>Save the visit plan or report</source>
        <translation>Сохранить план или отчёт о визите</translation>
    </message>
    <message>
        <source>Sync with the office now</source>
        <translation>Синхронизировать с офисом сейчас</translation>
    </message>
    <message>
        <source>Visits: a day / a week / today / a new visit</source>
        <translation>Визиты: на день / на неделю / сегодня / новый визит</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Выход</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Создать…</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Сочетания клавиш</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>{reason}</source>
        <translation>{reason}</translation>
    </message>
    <message>
        <source>{path} was written by a newer KAMdesk (schema {found}; this version knows up to {known}). Update KAMdesk; the file was not touched.</source>
        <translation>База {path} записана более новой версией KAMdesk (схема {found}; эта версия знает схемы до {known}). Обновите KAMdesk; файл не изменён.</translation>
    </message>
    <message>
        <source>{path} turned out to be damaged while KAMdesk was working with it. To protect what it holds, KAMdesk saves no more changes to it. Close KAMdesk and start it again: it offers to open a backup copy or to create a new database, and keeps the damaged file so that it can still be recovered.</source>
        <translation>Во время работы выяснилось, что база {path} повреждена. Чтобы сберечь то, что в ней есть, KAMdesk больше не сохраняет в неё изменения. Закройте KAMdesk и запустите его снова: он предложит открыть резервную копию или создать новую базу, а повреждённый файл сохранит, чтобы его ещё можно было восстановить.</translation>
    </message>
    <message>
        <source>{path} is damaged and cannot be opened. Nothing was overwritten: start from a backup copy or create a new database.</source>
        <translation>База {path} повреждена и не может быть открыта. Ничего не перезаписано: начните с резервной копии или создайте новую базу.</translation>
    </message>
    <message>
        <source>{path} is in use by another program (another KAMdesk, an import or a sync). Wait a moment and try again.</source>
        <translation>База {path} занята другой программой (другим окном KAMdesk, импортом или синхронизацией). Подождите немного и попробуйте снова.</translation>
    </message>
    <message>
        <source>The disk holding {path} is full, so the change was not saved. Free some space and try again.</source>
        <translation>Диск, на котором лежит {path}, заполнен, поэтому изменение не сохранено. Освободите место и попробуйте снова.</translation>
    </message>
    <message>
        <source>KAMdesk cannot open or write {path}. Check that the file and its folder exist and may be changed by you, and that the disk is neither read-only nor removed.</source>
        <translation>KAMdesk не может открыть или записать {path}. Проверьте, что файл и его папка существуют и вы можете их изменять, а диск не защищён от записи и не извлечён.</translation>
    </message>
    <message>
        <source>The disk reported an error while KAMdesk was reading or writing {path}. Check the disk, and keep a backup copy of the database.</source>
        <translation>Диск сообщил об ошибке, когда KAMdesk читал или записывал {path}. Проверьте диск и сохраните резервную копию базы.</translation>
    </message>
    <message>
        <source>{path} already holds data, so the demo territory was not loaded into it. Create a new database for the demo.</source>
        <translation>В базе {path} уже есть данные, поэтому демо-территория в неё не загружена. Создайте для демо новую базу.</translation>
    </message>
    <message>
        <source>{path} was made by an earlier KAMdesk and could not be converted to this version&apos;s format. The file was left as it was; nothing is lost.</source>
        <translation>{path} создан прежней версией KAMdesk, и перевести его в формат этой версии не удалось. Файл оставлен как был, ничего не потеряно.</translation>
    </message>
    <message>
        <source>KAMdesk encrypts every new database, but there is no key to do it with: no keyring works here (no desktop session with GNOME Keyring or KWallet, no Windows Credential Manager) and no passphrase was given. Set a passphrase in the environment variable KAMDESK_PASSPHRASE, or start KAMdesk in a desktop session with a keyring, or run it in a terminal and type a passphrase when asked. Nothing was created.</source>
        <translation>KAMdesk шифрует каждую новую базу, но ключа для этого нет: хранилище ключей системы здесь не работает (нет рабочего сеанса с GNOME Keyring или KWallet, нет диспетчера учётных данных Windows), а пароль не задан. Задайте пароль в переменной окружения KAMDESK_PASSPHRASE, или запустите KAMdesk в рабочем сеансе с хранилищем ключей, или запустите его в терминале и введите пароль, когда он будет запрошен. Ничего не создано.</translation>
    </message>
    <message>
        <source>{path} is encrypted, and this computer has no key for it: no keyring holds one (or none works here) and no passphrase was given. Type its passphrase when KAMdesk asks (in the window or in a terminal), or set it in the environment variable KAMDESK_PASSPHRASE, or open it in the desktop session whose keyring holds its key.</source>
        <translation>База {path} зашифрована, а ключа к ней на этом компьютере нет: его нет в хранилище ключей системы (или хранилище здесь не работает), и пароль не задан. Введите её пароль, когда KAMdesk попросит (в окне или в терминале), или задайте его в переменной окружения KAMDESK_PASSPHRASE, или откройте базу в том рабочем сеансе, в хранилище ключей которого лежит её ключ.</translation>
    </message>
    <message>
        <source>{path} is encrypted and could not be opened with this key or passphrase: the passphrase is wrong, or the store was encrypted for another user or computer. Nothing was written to it. Type the right passphrase, or ask your administrator.</source>
        <translation>{path} зашифрована и не открывается этим ключом или паролем: пароль неверный, или база зашифрована для другого пользователя или компьютера. В неё ничего не записано. Введите верный пароль или обратитесь к администратору.</translation>
    </message>
    <message>
        <source>{path} is encrypted already; nothing was changed.</source>
        <translation>{path} уже зашифрована; ничего не изменено.</translation>
    </message>
    <message>
        <source>The encrypted copy of {path} did not hold the same data, so the store was left as it was (not encrypted).</source>
        <translation>Зашифрованная копия {path} не совпала с базой по данным, поэтому база оставлена как была (не зашифрована).</translation>
    </message>
    <message>
        <source>Backing up the database…</source>
        <translation>Резервная копия базы…</translation>
    </message>
    <message>
        <source>Writing the encrypted database…</source>
        <translation>Запись зашифрованной базы…</translation>
    </message>
    <message>
        <source>Checking the encrypted copy…</source>
        <translation>Проверка зашифрованной копии…</translation>
    </message>
    <message>
        <source>Encrypting the backups and copies…</source>
        <translation>Шифрование резервных копий и копий базы…</translation>
    </message>
    <message>
        <source>Passphrase of the database {path}: </source>
        <translation>Пароль базы {path}: </translation>
    </message>
    <message>
        <source>KAMdesk encrypts the new database {path}, and there is no keyring here to keep its key in. Choose a passphrase: it is needed every time the database or its backups are opened, and without it nobody can read them.</source>
        <translation>KAMdesk шифрует новую базу {path}, а хранилища ключей, где можно держать её ключ, здесь нет. Придумайте пароль: он нужен при каждом открытии базы и её резервных копий, и без него их никто не прочитает.</translation>
    </message>
    <message>
        <source>New passphrase: </source>
        <translation>Новый пароль: </translation>
    </message>
    <message>
        <source>Type it again: </source>
        <translation>Повторите его: </translation>
    </message>
    <message>
        <source>The two passphrases differ; try again.</source>
        <translation>Пароли не совпадают; попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>Checking the database {path}… Your changes will be saved once the check is over.</source>
        <translation>Идёт проверка базы {path}… Изменения будут сохранены, как только проверка закончится.</translation>
    </message>
</context>
<context>
    <name>StoreCommand</name>
    <message>
        <source>whether the store is encrypted; encrypt a store of an earlier KAMdesk</source>
        <translation>зашифрована ли база; шифрование базы прежней версии KAMdesk</translation>
    </message>
    <message>
        <source>New stores are encrypted with a key kept in the system keyring (or the passphrase in $KAMDESK_PASSPHRASE). &apos;encrypt&apos; converts a plain store after a backup; close KAMdesk first.</source>
        <translation>Новые базы шифруются ключом из системного хранилища ключей (или паролем из $KAMDESK_PASSPHRASE). Действие encrypt шифрует незашифрованную базу, сначала сделав резервную копию; перед этим закройте KAMdesk.</translation>
    </message>
    <message>
        <source>is the store encrypted?</source>
        <translation>зашифрована ли база?</translation>
    </message>
    <message>
        <source>Is the store encrypted?</source>
        <translation>Зашифрована ли база?</translation>
    </message>
    <message>
        <source>encrypt a plain store (a backup is made first)</source>
        <translation>зашифровать незашифрованную базу (сначала делается резервная копия)</translation>
    </message>
    <message>
        <source>Encrypt a plain store (a backup is made first).</source>
        <translation>Зашифровать незашифрованную базу (сначала делается резервная копия).</translation>
    </message>
    <message>
        <source>send again what a damaged or moved-aside copy had not sent</source>
        <translation>отправить заново то, что повреждённая или отложенная копия не успела отправить</translation>
    </message>
    <message>
        <source>Read the changes a damaged or moved-aside copy of the store had not sent to the office and queue them in the store of --db, with their own change ids: the next sync sends them and the office applies each once.</source>
        <translation>Прочитать изменения, которые повреждённая или отложенная копия базы не успела отправить в офис, и поставить их в очередь базы --db с их собственными номерами изменений: следующая синхронизация отправит их, и офис применит каждое один раз.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>ФАЙЛ</translation>
    </message>
    <message>
        <source>the damaged or moved-aside store file</source>
        <translation>файл повреждённой или отложенной базы</translation>
    </message>
    <message>
        <source>no store at {db}; give --db</source>
        <translation>базы {db} нет; укажите --db</translation>
    </message>
    <message>
        <source>{db} is encrypted</source>
        <translation>база {db} зашифрована</translation>
    </message>
    <message>
        <source>{db} is NOT encrypted: `kamdesk store encrypt` encrypts it</source>
        <translation>база {db} НЕ зашифрована: её зашифрует `kamdesk store encrypt`</translation>
    </message>
    <message>
        <source>{db} is encrypted now; backed up first to {backup}</source>
        <translation>база {db} теперь зашифрована; перед этим сделана резервная копия {backup}</translation>
    </message>
    <message>
        <source>backups encrypted too: {count}</source>
        <translation>зашифровано и резервных копий: {count}</translation>
    </message>
    <message>
        <source>NOT encrypted (damaged, cannot be read): {path}</source>
        <translation>НЕ зашифрована (повреждена, не читается): {path}</translation>
    </message>
    <message>
        <source>changes found in {file}: {count}</source>
        <translation>изменений найдено в {file}: {count}</translation>
    </message>
    <message>
        <source>re-queued for the office: {count}</source>
        <translation>снова в очереди для офиса: {count}</translation>
    </message>
    <message>
        <source>already acknowledged by the office: {count}</source>
        <translation>офис уже подтвердил: {count}</translation>
    </message>
    <message>
        <source>already in this store (salvaged before): {count}</source>
        <translation>уже есть в этой базе (возвращены раньше): {count}</translation>
    </message>
    <message>
        <source>changed again in this store since: {count}</source>
        <translation>с тех пор изменены в этой базе заново: {count}</translation>
    </message>
    <message>
        <source>unreadable (damaged): {count}</source>
        <translation>не прочитать (повреждены): {count}</translation>
    </message>
    <message>
        <source>`kamdesk sync` sends them to the office</source>
        <translation>`kamdesk sync` отправит их в офис</translation>
    </message>
</context>
<context>
    <name>SubmitTexts</name>
    <message numerus="yes">
        <source>Submit %n report(s)? They will be sent to the manager at the next sync and cannot be edited afterwards.</source>
        <translation>
            <numerusform>Сдать %n отчёт? Отчёты уйдут руководителю при следующей синхронизации, изменить их после этого будет нельзя.</numerusform>
            <numerusform>Сдать %n отчёта? Отчёты уйдут руководителю при следующей синхронизации, изменить их после этого будет нельзя.</numerusform>
            <numerusform>Сдать %n отчётов? Отчёты уйдут руководителю при следующей синхронизации, изменить их после этого будет нельзя.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n report(s) submitted; they will be sent to the manager at the next sync.</source>
        <translation>
            <numerusform>Сдан %n отчёт; отчёты уйдут руководителю при следующей синхронизации.</numerusform>
            <numerusform>Сдано %n отчёта; отчёты уйдут руководителю при следующей синхронизации.</numerusform>
            <numerusform>Сдано %n отчётов; отчёты уйдут руководителю при следующей синхронизации.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>Sync stopped: {detail}</source>
        <translation>Синхронизация остановлена: {detail}</translation>
    </message>
    <message>
        <source>The office server does not answer ({detail}). Your changes are kept on this laptop and will be sent at the next sync; check the network or try again later.</source>
        <translation>Сервер офиса не отвечает ({detail}). Ваши изменения сохранены на этом ноутбуке и уйдут при следующей синхронизации; проверьте сеть или повторите позже.</translation>
    </message>
    <message>
        <source>This laptop is not connected to an office server yet: give the server address, your login and password (kamdesk sync --server URL --login LOGIN).</source>
        <translation>Этот ноутбук ещё не подключён к серверу офиса: укажите адрес сервера, логин и пароль (kamdesk sync --server URL --login ЛОГИН).</translation>
    </message>
    <message>
        <source>The office refused the login: {detail}</source>
        <translation>Офис не принял вход: {detail}</translation>
    </message>
    <message>
        <source>The office no longer accepts this laptop ({detail}). Log in again: kamdesk sync --login LOGIN. Your changes are kept.</source>
        <translation>Офис больше не принимает этот ноутбук ({detail}). Войдите снова: kamdesk sync --login ЛОГИН. Ваши изменения сохранены.</translation>
    </message>
    <message>
        <source>This version of KAMdesk is older than the office server accepts: update KAMdesk. Your changes are kept on this laptop and will be sent after the update.</source>
        <translation>Эта версия KAMdesk старше, чем принимает сервер офиса: обновите KAMdesk. Ваши изменения сохранены на ноутбуке и будут отправлены после обновления.</translation>
    </message>
    <message>
        <source>The office server is older than this version of KAMdesk: ask your administrator to update the server. Your changes are kept on this laptop.</source>
        <translation>Сервер офиса старше этой версии KAMdesk: попросите администратора обновить сервер. Ваши изменения сохранены на ноутбуке.</translation>
    </message>
    <message>
        <source>The office server refused the request: {detail}. Your changes are kept.</source>
        <translation>Сервер офиса отклонил запрос: {detail}. Ваши изменения сохранены.</translation>
    </message>
</context>
<context>
    <name>SyncApprovals</name>
    <message>
        <source>Offer</source>
        <translation>Предложение</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>KAM</source>
        <translation>КАМ</translation>
    </message>
    <message>
        <source>Total with VAT</source>
        <translation>Сумма с НДС</translation>
    </message>
    <message>
        <source>Discount / envelope</source>
        <translation>Скидка / конверт</translation>
    </message>
    <message>
        <source>Deferral / envelope, days</source>
        <translation>Отсрочка / допустимая, дней</translation>
    </message>
    <message>
        <source>Asked</source>
        <translation>Запрошено</translation>
    </message>
</context>
<context>
    <name>SyncCommand</name>
    <message>
        <source>LOGIN</source>
        <translation>ЛОГИН</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>ИМЯ</translation>
    </message>
    <message>
        <source>cannot read {path}: {error}</source>
        <translation>не удаётся прочитать {path}: {error}</translation>
    </message>
    <message>
        <source>send this laptop&apos;s changes to the office and receive the office&apos;s</source>
        <translation>отправить изменения этого ноутбука в офис и получить изменения офиса</translation>
    </message>
    <message>
        <source>The first time, give the office server&apos;s address and your login: the laptop is enrolled (the password comes from --password-file, $KAMDESK_PASSWORD, or is asked for at a terminal; it is not stored, the laptop keeps the office&apos;s key in the system keyring or a private file). Afterwards `kamdesk sync` alone sends the changes waiting on this laptop and receives what changed in the office. Exits 1 when the office refused a change (kept in the sync issues) or cannot be reached (nothing is lost; run it again later).</source>
        <translation>В первый раз укажите адрес офисного сервера и свой логин: ноутбук подключается к офису (пароль берётся из --password-file, $KAMDESK_PASSWORD или спрашивается в терминале; он не сохраняется, ноутбук хранит ключ офиса в системном хранилище ключей или в личном файле). После этого «kamdesk sync» без параметров отправляет изменения, ждущие на ноутбуке, и получает изменения офиса. Код выхода 1, если офис отклонил изменение (оно остаётся в проблемах синхронизации) или недоступен (ничего не теряется; запустите позже ещё раз).</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>АДРЕС</translation>
    </message>
    <message>
        <source>the office server, e.g. https://kamdesk.office.local</source>
        <translation>офисный сервер, например https://kamdesk.office.local</translation>
    </message>
    <message>
        <source>your login in the office</source>
        <translation>ваш логин в офисе</translation>
    </message>
    <message>
        <source>a file holding the password (first line)</source>
        <translation>файл с паролем (первая строка)</translation>
    </message>
    <message>
        <source>a name for this laptop in the office (default: its host name)</source>
        <translation>имя этого ноутбука в офисе (по умолчанию — имя компьютера)</translation>
    </message>
    <message>
        <source>Password: </source>
        <translation>Пароль: </translation>
    </message>
    <message>
        <source>give the password with --password-file FILE or ${env}</source>
        <translation>укажите пароль: --password-file ФАЙЛ или ${env}</translation>
    </message>
    <message>
        <source>this laptop is not connected to an office yet: kamdesk sync --server URL --login LOGIN</source>
        <translation>этот ноутбук ещё не подключён к офису: kamdesk sync --server АДРЕС --login ЛОГИН</translation>
    </message>
    <message>
        <source>Login: </source>
        <translation>Логин: </translation>
    </message>
    <message>
        <source>give your office login: kamdesk sync --login LOGIN</source>
        <translation>укажите свой логин в офисе: kamdesk sync --login ЛОГИН</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>Syncing: %1 of %2…</source>
        <translation>Синхронизация: %1 из %2…</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Синхронизация…</translation>
    </message>
    <message>
        <source>Not connected to the office</source>
        <translation>Не подключено к офису</translation>
    </message>
    <message>
        <source>Office unreachable</source>
        <translation>Офис недоступен</translation>
    </message>
    <message>
        <source>Sync failed</source>
        <translation>Синхронизация не удалась</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Ещё не синхронизировано</translation>
    </message>
    <message>
        <source>Synced %1</source>
        <translation>Синхронизировано %1</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Синхронизировать сейчас</translation>
    </message>
    <message>
        <source>Waiting to be sent: %1</source>
        <translation>Ждут отправки: %1</translation>
    </message>
</context>
<context>
    <name>SyncFailure</name>
    <message>
        <source>The office server does not answer. Check the address and the connection; your changes are kept on this laptop and will be sent later.</source>
        <translation>Сервер офиса не отвечает. Проверьте адрес и связь; ваши изменения сохранены на этом ноутбуке и будут отправлены позже.</translation>
    </message>
    <message>
        <source>Wrong login or password. Check them and try again.</source>
        <translation>Неверный логин или пароль. Проверьте и попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>Too many attempts to log in. Wait a few minutes, then try again.</source>
        <translation>Слишком много попыток входа. Подождите несколько минут и попробуйте снова.</translation>
    </message>
    <message>
        <source>The office server needs another version of KAMdesk. Update the program; your changes are kept and will be sent after the update.</source>
        <translation>Серверу офиса нужна другая версия KAMdesk. Обновите программу; ваши изменения сохранены и будут отправлены после обновления.</translation>
    </message>
    <message>
        <source>The office server is older than this version of KAMdesk: ask your administrator to update the server. Your changes are kept on this laptop.</source>
        <translation>Сервер офиса старше этой версии KAMdesk: попросите администратора обновить сервер. Ваши изменения сохранены на ноутбуке.</translation>
    </message>
    <message>
        <source>The office no longer accepts this laptop. Connect to the office again with your login and password; your changes are kept.</source>
        <translation>Офис больше не принимает этот ноутбук. Подключитесь к офису заново с логином и паролем; ваши изменения сохранены.</translation>
    </message>
    <message>
        <source>This laptop is not connected to the office yet.</source>
        <translation>Этот ноутбук ещё не подключён к офису.</translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation>Синхронизация не удалась: %1</translation>
    </message>
</context>
<context>
    <name>SyncInbox</name>
    <message>
        <source>This issue is no longer here</source>
        <translation>Этого вопроса больше нет</translation>
    </message>
    <message>
        <source>This issue was already resolved</source>
        <translation>Этот вопрос уже решён</translation>
    </message>
    <message>
        <source>The record is no longer on this laptop: only the office&apos;s version can be taken</source>
        <translation>Записи больше нет на этом ноутбуке: можно взять только версию офиса</translation>
    </message>
    <message>
        <source>Two records share a value the office keeps unique: change it in the card, then keep yours here</source>
        <translation>У двух записей совпало значение, которое в офисе должно быть уникальным: измените его в карточке, затем оставьте своё здесь</translation>
    </message>
    <message>
        <source>The record has no field {field}</source>
        <translation>У записи нет поля {field}</translation>
    </message>
</context>
<context>
    <name>SyncIssues</name>
    <message>
        <source>Changed on both sides</source>
        <translation>Изменено с обеих сторон</translation>
    </message>
    <message>
        <source>Refused by the office</source>
        <translation>Отклонено офисом</translation>
    </message>
    <message>
        <source>Client no longer yours</source>
        <translation>Клиент больше не ваш</translation>
    </message>
    <message>
        <source>Deleted in the office</source>
        <translation>Удалено в офисе</translation>
    </message>
    <message>
        <source>Yours replaced another&apos;s</source>
        <translation>Ваше заменило чужое</translation>
    </message>
    <message>
        <source>Another&apos;s came later</source>
        <translation>Чужое пришло позже</translation>
    </message>
    <message>
        <source>Text changed on both sides</source>
        <translation>Текст изменён с обеих сторон</translation>
    </message>
    <message>
        <source>Needs a decision</source>
        <translation>Нужно решение</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Моё</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>Их</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>С</translation>
    </message>
</context>
<context>
    <name>SyncLabels</name>
    <message>
        <source>Client card</source>
        <translation>Карточка клиента</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>Досье</translation>
    </message>
    <message>
        <source>Event in the history</source>
        <translation>Событие в истории</translation>
    </message>
    <message>
        <source>Competitor</source>
        <translation>Конкурент</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Контакт</translation>
    </message>
    <message>
        <source>Contact&apos;s personal details</source>
        <translation>Личные сведения контакта</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Визит</translation>
    </message>
    <message>
        <source>Visit attendee</source>
        <translation>Участник визита</translation>
    </message>
    <message>
        <source>Product of a visit</source>
        <translation>Препарат визита</translation>
    </message>
    <message>
        <source>Visit checklist</source>
        <translation>Чек-лист визита</translation>
    </message>
    <message>
        <source>Visit report</source>
        <translation>Отчёт о визите</translation>
    </message>
    <message>
        <source>Addendum to a report</source>
        <translation>Дополнение к отчёту</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Задача</translation>
    </message>
    <message>
        <source>Commercial offer</source>
        <translation>Коммерческое предложение</translation>
    </message>
    <message>
        <source>Line of an offer</source>
        <translation>Строка предложения</translation>
    </message>
    <message>
        <source>Reader of an offer</source>
        <translation>Адресат предложения</translation>
    </message>
    <message>
        <source>Offer team</source>
        <translation>Команда предложения</translation>
    </message>
    <message>
        <source>Annex of an offer</source>
        <translation>Приложение к предложению</translation>
    </message>
    <message>
        <source>Offer status</source>
        <translation>Статус предложения</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Продажи</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Препарат</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>Сотрудник</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Начало</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Длительность</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Цель</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Повестка</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Вопросы</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>Материалы</translation>
    </message>
    <message>
        <source>Target result</source>
        <translation>Желаемый результат</translation>
    </message>
    <message>
        <source>Walk-away point</source>
        <translation>Точка выхода</translation>
    </message>
    <message>
        <source>Concessions</source>
        <translation>Уступки</translation>
    </message>
    <message>
        <source>Reason for cancelling</source>
        <translation>Причина отмены</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Итог</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>Договорённости</translation>
    </message>
    <message>
        <source>Objections heard</source>
        <translation>Услышанные возражения</translation>
    </message>
    <message>
        <source>Questions asked</source>
        <translation>Заданные вопросы</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>Text of the addendum</source>
        <translation>Текст дополнения</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Срок</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Действует до</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Delivery terms</source>
        <translation>Условия поставки</translation>
    </message>
    <message>
        <source>Payment terms</source>
        <translation>Условия оплаты</translation>
    </message>
    <message>
        <source>Benefit</source>
        <translation>Выгода</translation>
    </message>
    <message>
        <source>Exclusive</source>
        <translation>Эксклюзив</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>Согласование</translation>
    </message>
    <message>
        <source>Manager&apos;s comment</source>
        <translation>Комментарий руководителя</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Количество</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Скидка</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>Аргументы</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Запись</translation>
    </message>
    <message>
        <source>the whole record</source>
        <translation>вся запись</translation>
    </message>
    <message>
        <source>another field</source>
        <translation>другое поле</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Sending changes</source>
        <translation>Отправка изменений</translation>
    </message>
    <message>
        <source>Receiving changes</source>
        <translation>Получение изменений</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Подключение</translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation>Синхронизация</translation>
    </message>
    <message>
        <source>key account manager</source>
        <translation>менеджер по ключевым клиентам</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>руководитель</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>администратор</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Изменение</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Изменено</translation>
    </message>
    <message>
        <source>Why the office refused</source>
        <translation>Почему офис отклонил</translation>
    </message>
    <message>
        <source>new record</source>
        <translation>новая запись</translation>
    </message>
    <message>
        <source>deletion</source>
        <translation>удаление</translation>
    </message>
    <message>
        <source>restoring</source>
        <translation>восстановление</translation>
    </message>
    <message>
        <source>Not connected: this laptop works on its own</source>
        <translation>Не подключено: ноутбук работает автономно</translation>
    </message>
    <message>
        <source>Connect to the office server to send and receive changes.</source>
        <translation>Подключитесь к серверу офиса, чтобы отправлять и получать изменения.</translation>
    </message>
    <message>
        <source>The office does not answer</source>
        <translation>Офис не отвечает</translation>
    </message>
    <message>
        <source>The office answers, but sync is not possible</source>
        <translation>Офис отвечает, но синхронизация невозможна</translation>
    </message>
    <message>
        <source>Connected to the office</source>
        <translation>Подключено к офису</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>Ещё не проверено</translation>
    </message>
    <message>
        <source>%1 (%2) at %3</source>
        <translation>%1 (%2), %3</translation>
    </message>
    <message>
        <source>never</source>
        <translation>ещё не было</translation>
    </message>
    <message>
        <source>nothing, everything is sent</source>
        <translation>ничего, всё отправлено</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>ничего</translation>
    </message>
    <message>
        <source>Connect to another office…</source>
        <translation>Подключиться к другому офису…</translation>
    </message>
    <message>
        <source>Connect to the office…</source>
        <translation>Подключиться к офису…</translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <translation>%1: %2 из %3</translation>
    </message>
    <message>
        <source>Sync issues (%1)</source>
        <translation>Вопросы синхронизации (%1)</translation>
    </message>
    <message>
        <source>Refused by the office (%1)</source>
        <translation>Отклонено офисом (%1)</translation>
    </message>
    <message>
        <source>Approvals (%1)</source>
        <translation>Согласования (%1)</translation>
    </message>
    <message>
        <source>Sync with the office</source>
        <translation>Синхронизация с офисом</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Офис</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Вы</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Последняя синхронизация</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Ждут отправки</translation>
    </message>
    <message>
        <source>Sync now (%1)</source>
        <translation>Синхронизировать сейчас (%1)</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>Connected to the office {server} as {name} ({login}); laptop code {code}</source>
        <translation>Подключено к офису {server}: {name} ({login}); код ноутбука {code}</translation>
    </message>
    <message>
        <source>The office gave this store a laptop id of its own (a new login, or a store copied from another laptop); its unsent changes go to the office once</source>
        <translation>Офис выдал этой базе собственный номер ноутбука (новый вход или база, скопированная с другого ноутбука); её неотправленные изменения попадут в офис один раз</translation>
    </message>
    <message>
        <source>Sent to the office: {pushed} changes (applied {applied}, merged {merged}, refused {rejected})</source>
        <translation>Отправлено в офис изменений: {pushed} (применено {applied}, объединено {merged}, отклонено {rejected})</translation>
    </message>
    <message>
        <source>Received from the office: {rows} rows; clients taken off this laptop: {removed}</source>
        <translation>Получено из офиса записей: {rows}; клиентов убрано с ноутбука: {removed}</translation>
    </message>
    <message>
        <source>New sync issues: {count}; see them in the Sync section of the window</source>
        <translation>Новых вопросов синхронизации: {count}; они в разделе «Синхронизация»</translation>
    </message>
    <message>
        <source>Sync stopped early; the rest follows at the next sync</source>
        <translation>Синхронизация прервана; остальное будет при следующей</translation>
    </message>
    <message>
        <source>Waiting to be sent: {count} changes</source>
        <translation>Ожидают отправки изменений: {count}</translation>
    </message>
    <message>
        <source>The office refused {count} changes; what you typed is kept in the sync issues (the Sync section of the window)</source>
        <translation>Офис отклонил изменений: {count}; введённое сохранено в вопросах синхронизации (раздел «Синхронизация»)</translation>
    </message>
</context>
<context>
    <name>Team</name>
    <message>
        <source>KAM not named</source>
        <translation>КАМ не указан</translation>
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
        <source>%1, late</source>
        <translation>%1, с опозданием</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Визит</translation>
    </message>
    <message>
        <source>KAM</source>
        <translation>КАМ</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Objective reached</source>
        <translation>Цель достигнута</translation>
    </message>
    <message>
        <source>Client mood</source>
        <translation>Настрой клиента</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Сдан</translation>
    </message>
    <message>
        <source>Due by %1</source>
        <translation>Срок сдачи — %1</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Доставлен</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>ещё нет</translation>
    </message>
    <message>
        <source>Visits planned</source>
        <translation>Запланировано визитов</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Проведено</translation>
    </message>
    <message>
        <source>Calls planned</source>
        <translation>Звонков запланировано</translation>
    </message>
    <message>
        <source>Calls held</source>
        <translation>Звонков проведено</translation>
    </message>
    <message>
        <source>Reports received</source>
        <translation>Получено отчётов</translation>
    </message>
    <message>
        <source>Submitted late</source>
        <translation>Сдано с опозданием</translation>
    </message>
    <message>
        <source>Held, no report yet</source>
        <translation>Проведено, отчёта нет</translation>
    </message>
    <message>
        <source>Type the dates as dd.mm.yyyy.</source>
        <translation>Введите даты в виде дд.мм.гггг.</translation>
    </message>
    <message>
        <source>The period ends before it begins.</source>
        <translation>Конец периода раньше его начала.</translation>
    </message>
    <message>
        <source>The team&apos;s reports come to a laptop enrolled with the manager role.</source>
        <translation>Отчёты команды приходят на ноутбук, подключённый к офису с ролью руководителя.</translation>
    </message>
    <message>
        <source>No submitted reports in this period for the chosen KAM.</source>
        <translation>За этот период у выбранного КАМ нет сданных отчётов.</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Команда</translation>
    </message>
    <message>
        <source>Visit reports {period} {who}</source>
        <translation>Отчёты о визитах {period} {who}</translation>
    </message>
    <message>
        <source>Reports without a named KAM are exported with the whole team&apos;s.</source>
        <translation>Отчёты без указанного КАМ выгружаются вместе с отчётами всей команды.</translation>
    </message>
    <message>
        <source>Export for the manager</source>
        <translation>Выгрузка для руководителя</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;PDF (*.pdf)</source>
        <translation>Книга Excel (*.xlsx);;PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Выгрузка…</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>Записано: %1</translation>
    </message>
    <message>
        <source>Export ready</source>
        <translation>Выгрузка готова</translation>
    </message>
    <message>
        <source>This KAM has no clients on this laptop: nothing to export.</source>
        <translation>У этого КАМ нет клиентов на этом ноутбуке: выгружать нечего.</translation>
    </message>
    <message>
        <source>Team: submitted visit reports</source>
        <translation>Команда: сданные отчёты о визитах</translation>
    </message>
    <message>
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <source>to</source>
        <translation>по</translation>
    </message>
    <message>
        <source>dd.mm.yyyy</source>
        <translation>дд.мм.гггг</translation>
    </message>
    <message>
        <source>Whole team</source>
        <translation>Вся команда</translation>
    </message>
    <message>
        <source>The manager&apos;s report (Excel or PDF) of the chosen KAM&apos;s clients for the period</source>
        <translation>Отчёт для руководителя (Excel или PDF) по клиентам выбранного КАМ за период</translation>
    </message>
    <message>
        <source>Client kind</source>
        <translation>Тип клиента</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Город</translation>
    </message>
    <message>
        <source>, %1 min</source>
        <translation>, %1 мин</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Цель</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>Договорённости</translation>
    </message>
    <message>
        <source>Objections heard</source>
        <translation>Прозвучавшие возражения</translation>
    </message>
    <message>
        <source>Products discussed</source>
        <translation>Обсуждённые препараты</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>Участники</translation>
    </message>
    <message>
        <source>Questions asked</source>
        <translation>Заданные вопросы</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>срок %1</translation>
    </message>
    <message>
        <source>done</source>
        <translation>выполнено</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>Следующие шаги</translation>
    </message>
    <message>
        <source>Addenda</source>
        <translation>Дополнения</translation>
    </message>
    <message>
        <source>due by %1</source>
        <translation>срок — %1</translation>
    </message>
    <message>
        <source>Choose a report in the list to read it.</source>
        <translation>Выберите отчёт в списке, чтобы прочитать его.</translation>
    </message>
</context>
<context>
    <name>TenderResult</name>
    <message>
        <source>Pending</source>
        <translation>Ожидается</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Выигран</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Проигран</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Отменён</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Visits</source>
        <translation>Визиты</translation>
    </message>
    <message>
        <source>Offers</source>
        <translation>КП</translation>
    </message>
    <message>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <source>Card edits</source>
        <translation>Правки карточки</translation>
    </message>
    <message>
        <source>account</source>
        <translation>клиент</translation>
    </message>
    <message>
        <source>dossier</source>
        <translation>досье</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>контакт</translation>
    </message>
    <message>
        <source>personal details</source>
        <translation>личные сведения</translation>
    </message>
    <message>
        <source>history event</source>
        <translation>событие истории</translation>
    </message>
    <message>
        <source>competitor</source>
        <translation>конкурент</translation>
    </message>
    <message>
        <source>offer made</source>
        <translation>КП составлено</translation>
    </message>
    <message>
        <source>offer back to draft</source>
        <translation>КП возвращено в черновик</translation>
    </message>
    <message>
        <source>offer sent</source>
        <translation>КП отправлено</translation>
    </message>
    <message>
        <source>offer accepted</source>
        <translation>КП принято</translation>
    </message>
    <message>
        <source>offer rejected</source>
        <translation>КП отклонено</translation>
    </message>
    <message>
        <source>offer expired</source>
        <translation>КП истекло</translation>
    </message>
    <message>
        <source>visit planned</source>
        <translation>визит запланирован</translation>
    </message>
    <message>
        <source>visit held</source>
        <translation>визит проведён</translation>
    </message>
    <message>
        <source>visit reported</source>
        <translation>отчёт о визите</translation>
    </message>
    <message>
        <source>visit report submitted</source>
        <translation>отчёт о визите сдан</translation>
    </message>
    <message>
        <source>visit cancelled</source>
        <translation>визит отменён</translation>
    </message>
    <message>
        <source>visit rescheduled</source>
        <translation>визит перенесён</translation>
    </message>
    <message>
        <source>added: {what}</source>
        <translation>добавлено: {what}</translation>
    </message>
    <message>
        <source>edited: {what}</source>
        <translation>изменено: {what}</translation>
    </message>
    <message>
        <source>removed: {what}</source>
        <translation>удалено: {what}</translation>
    </message>
    <message>
        <source>restored: {what}</source>
        <translation>восстановлено: {what}</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
</context>
<context>
    <name>TimelineTab</name>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
</context>
<context>
    <name>UnsavedChanges</name>
    <message>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <source>Save changes?</source>
        <translation>Сохранить изменения?</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Don&apos;t save</source>
        <translation>Не сохранять</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Вернуться</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>INN must be 10 digits (organisation) or 12 digits (individual)</source>
        <translation>ИНН должен состоять из 10 цифр (организация) или 12 цифр (физическое лицо)</translation>
    </message>
    <message>
        <source>INN check digit does not match: a digit is mistyped</source>
        <translation>контрольная цифра ИНН не сходится: где-то опечатка</translation>
    </message>
    <message>
        <source>KPP must be 9 characters: 4 digits, 2 digits or letters, 3 digits</source>
        <translation>КПП — 9 знаков: 4 цифры, 2 цифры или буквы, 3 цифры</translation>
    </message>
    <message>
        <source>not a valid e-mail address: {value}</source>
        <translation>неверный адрес эл. почты: {value}</translation>
    </message>
    <message>
        <source>not a valid phone number: {value}</source>
        <translation>неверный номер телефона: {value}</translation>
    </message>
</context>
<context>
    <name>VisitChannel</name>
    <message>
        <source>Visit</source>
        <translation>Визит</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Звонок</translation>
    </message>
</context>
<context>
    <name>VisitCommand</name>
    <message>
        <source>--to is before --from</source>
        <translation>--to раньше, чем --from</translation>
    </message>
    <message>
        <source>list visits, export them to .ics, print a pre-call brief</source>
        <translation>визиты: список, выгрузка в .ics, памятка к визиту</translation>
    </message>
    <message>
        <source>Visits in this computer&apos;s time zone (or --tz), as in the window&apos;s Visits page.</source>
        <translation>Визиты в часовом поясе этого компьютера (или --tz), как на странице «Визиты» в окне программы.</translation>
    </message>
    <message>
        <source>visits with their id, time, status, readiness and client</source>
        <translation>визиты: код, время, статус, готовность и клиент</translation>
    </message>
    <message>
        <source>One line per visit: the first characters of its id (for `visit brief`), the day and time, the status, the readiness of a planned visit, the client, and what makes it late.</source>
        <translation>По строке на визит: первые знаки его кода (для «visit brief»), день и время, статус, готовность запланированного визита, клиент и что грозит опозданием.</translation>
    </message>
    <message>
        <source>export visits to an iCalendar file for the phone</source>
        <translation>выгрузить визиты в файл iCalendar для телефона</translation>
    </message>
    <message>
        <source>Export the visits of the days given to an .ics file.</source>
        <translation>Выгрузить визиты за указанные дни в файл .ics.</translation>
    </message>
    <message>
        <source>the first day</source>
        <translation>первый день</translation>
    </message>
    <message>
        <source>the last day</source>
        <translation>последний день</translation>
    </message>
    <message>
        <source>the .ics file to write</source>
        <translation>файл .ics, который нужно записать</translation>
    </message>
    <message>
        <source>the one-page pre-call brief of a visit as PDF</source>
        <translation>памятка к визиту на одну страницу в PDF</translation>
    </message>
    <message>
        <source>The one-page pre-call brief of a visit as PDF, in the language of the run.</source>
        <translation>Памятка к визиту на одну страницу в PDF, на языке запуска.</translation>
    </message>
    <message>
        <source>VISIT</source>
        <translation>ВИЗИТ</translation>
    </message>
    <message>
        <source>the visit&apos;s id (or its first characters, as listed)</source>
        <translation>код визита (или его первые знаки, как в списке)</translation>
    </message>
    <message>
        <source>the PDF file to write</source>
        <translation>файл PDF, который нужно записать</translation>
    </message>
    <message>
        <source>no store at {db}; give --db or create one with `kamdesk demo`</source>
        <translation>нет базы {db}; укажите --db или создайте базу командой «kamdesk demo»</translation>
    </message>
    <message>
        <source>the range is longer than a year</source>
        <translation>период длиннее года</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>вид</translation>
    </message>
    <message>
        <source>id</source>
        <translation>код</translation>
    </message>
    <message>
        <source>date</source>
        <translation>дата</translation>
    </message>
    <message>
        <source>time</source>
        <translation>время</translation>
    </message>
    <message>
        <source>status</source>
        <translation>статус</translation>
    </message>
    <message>
        <source>readiness</source>
        <translation>готовность</translation>
    </message>
    <message>
        <source>client</source>
        <translation>клиент</translation>
    </message>
    <message>
        <source>visits from {first} to {last} ({zone}): {count}</source>
        <translation>визитов с {first} по {last} ({zone}): {count}</translation>
    </message>
    <message>
        <source>the first day; default: the Monday of this week (of the week of --to if given)</source>
        <translation>первый день; по умолчанию понедельник этой недели (недели --to, если он указан)</translation>
    </message>
    <message>
        <source>the last day; default: 6 days after --from (a Sunday)</source>
        <translation>последний день; по умолчанию через 6 дней после --from (воскресенье)</translation>
    </message>
    <message>
        <source>wrote {path}</source>
        <translation>записан {path}</translation>
    </message>
    <message>
        <source>give at least the first 4 characters of the visit id</source>
        <translation>укажите хотя бы первые 4 знака кода визита</translation>
    </message>
    <message>
        <source>no visit with id {text}</source>
        <translation>нет визита с кодом {text}</translation>
    </message>
    <message>
        <source>more than one visit starts with {text}; give more characters</source>
        <translation>с {text} начинается код нескольких визитов; укажите больше знаков</translation>
    </message>
</context>
<context>
    <name>VisitLabels</name>
    <message>
        <source>Planned</source>
        <translation>Запланирован</translation>
    </message>
    <message>
        <source>Held, no report</source>
        <translation>Проведён, без отчёта</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>Отчёт готов</translation>
    </message>
    <message>
        <source>Submitted, awaiting sync</source>
        <translation>Сдан, ждёт синхронизации</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Отменён</translation>
    </message>
    <message>
        <source>Rescheduled</source>
        <translation>Перенесён</translation>
    </message>
    <message>
        <source>Positive</source>
        <translation>Позитивный</translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation>Нейтральный</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>Негативный</translation>
    </message>
    <message>
        <source>not ready</source>
        <translation>не готов</translation>
    </message>
    <message>
        <source>nearly ready</source>
        <translation>почти готов</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>готов</translation>
    </message>
    <message>
        <source>Delivered to the manager</source>
        <translation>Доставлен руководителю</translation>
    </message>
    <message>
        <source>no travel time</source>
        <translation>нет времени в пути</translation>
    </message>
    <message>
        <source>overlaps another visit</source>
        <translation>накладывается на другой визит</translation>
    </message>
    <message>
        <source>late</source>
        <translation>опаздывает</translation>
    </message>
</context>
<context>
    <name>VisitListModel</name>
    <message>
        <source>Objective: %1</source>
        <translation>Цель: %1</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Readiness</source>
        <translation>Готовность</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>Мин</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Цель</translation>
    </message>
</context>
<context>
    <name>VisitMenu</name>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>Brief PDF</source>
        <translation>Памятка PDF</translation>
    </message>
    <message>
        <source>Mark held…</source>
        <translation>Отметить проведённым…</translation>
    </message>
    <message>
        <source>Reschedule…</source>
        <translation>Перенести…</translation>
    </message>
    <message>
        <source>Cancel the call…</source>
        <translation>Отменить звонок…</translation>
    </message>
    <message>
        <source>Cancel the visit…</source>
        <translation>Отменить визит…</translation>
    </message>
    <message>
        <source>Submitted: only dated addenda now</source>
        <translation>Сдан: теперь только датированные дополнения</translation>
    </message>
</context>
<context>
    <name>VisitNextStep</name>
    <message>
        <source>The visit is held: open it (Enter) to write the report.</source>
        <translation>Визит проведён: откройте его (Enter), чтобы написать отчёт.</translation>
    </message>
    <message>
        <source>The report is complete: submit it from the List (Submit reports…).</source>
        <translation>Отчёт заполнен: сдайте его из списка (Сдать отчёты…).</translation>
    </message>
    <message>
        <source>The report is submitted: only dated addenda now.</source>
        <translation>Отчёт сдан: теперь только датированные дополнения.</translation>
    </message>
    <message>
        <source>The visit is cancelled: nothing to prepare.</source>
        <translation>Визит отменён: готовиться не к чему.</translation>
    </message>
    <message>
        <source>The visit was moved: select its new date to prepare for it.</source>
        <translation>Визит перенесён: выберите его новую дату, чтобы подготовиться к нему.</translation>
    </message>
    <message>
        <source>The call is held: open it (Enter) to write the report.</source>
        <translation>Звонок проведён: откройте его (Enter), чтобы написать отчёт.</translation>
    </message>
    <message>
        <source>The call is cancelled: nothing to prepare.</source>
        <translation>Звонок отменён: готовиться не к чему.</translation>
    </message>
    <message>
        <source>The call was moved: select its new date to prepare for it.</source>
        <translation>Звонок перенесён: выберите его новую дату, чтобы подготовиться к нему.</translation>
    </message>
</context>
<context>
    <name>VisitTimes</name>
    <message>
        <source>Planned for %1</source>
        <translation>Запланирован на %1</translation>
    </message>
    <message>
        <source>Cancelled: %1</source>
        <translation>Отменён: %1</translation>
    </message>
</context>
<context>
    <name>VisitUndo</name>
    <message>
        <source>Undo «Held»</source>
        <translation>Снять отметку «Проведён»</translation>
    </message>
    <message>
        <source>Undo «Report completed»</source>
        <translation>Снять отметку «Отчёт готов»</translation>
    </message>
    <message>
        <source>Undo the cancellation</source>
        <translation>Вернуть отменённый визит</translation>
    </message>
    <message>
        <source>Undo the rescheduling</source>
        <translation>Вернуть на прежнее время</translation>
    </message>
    <message>
        <source>Undo the call&apos;s cancellation</source>
        <translation>Вернуть отменённый звонок</translation>
    </message>
</context>
<context>
    <name>Visits</name>
    <message>
        <source>Call {account} at {time:%H:%M}</source>
        <translation>Звонок в {time:%H:%M}: {account}</translation>
    </message>
    <message>
        <source>Leave at {time:%H:%M} for {account}</source>
        <translation>Выезжайте в {time:%H:%M} к клиенту {account}</translation>
    </message>
    <message>
        <source>Visit to {account} at {time:%H:%M}</source>
        <translation>Визит к клиенту {account} в {time:%H:%M}</translation>
    </message>
    <message>
        <source>1. Being late</source>
        <translation>1. Опоздания</translation>
    </message>
    <message>
        <source>2. Arguing</source>
        <translation>2. Споры</translation>
    </message>
    <message>
        <source>3. Interrupting</source>
        <translation>3. Перебивать собеседника</translation>
    </message>
    <message>
        <source>4. No information</source>
        <translation>4. Отсутствие сведений</translation>
    </message>
    <message>
        <source>5. Insufficient preparation</source>
        <translation>5. Недостаточная подготовка к переговорам</translation>
    </message>
    <message>
        <source>6. Bad manners</source>
        <translation>6. Плохие манеры</translation>
    </message>
    <message>
        <source>7. Not knowing the product</source>
        <translation>7. Незнание своего продукта</translation>
    </message>
    <message>
        <source>The visit no longer exists</source>
        <translation>Этого визита больше нет</translation>
    </message>
    <message>
        <source>A visit cannot change client</source>
        <translation>У визита нельзя сменить клиента</translation>
    </message>
    <message>
        <source>Travel time out of range</source>
        <translation>Время в пути вне допустимых пределов</translation>
    </message>
    <message>
        <source>A call has no travel</source>
        <translation>У звонка нет дороги</translation>
    </message>
    <message>
        <source>Say why the visit is cancelled</source>
        <translation>Укажите причину отмены визита</translation>
    </message>
    <message>
        <source>A task needs a title</source>
        <translation>У задачи должно быть название</translation>
    </message>
    <message>
        <source>The client no longer exists</source>
        <translation>Этого клиента больше нет</translation>
    </message>
    <message>
        <source>The task no longer exists</source>
        <translation>Этой задачи больше нет</translation>
    </message>
    <message>
        <source>This time has already passed: choose a date and time still ahead.</source>
        <translation>Это время уже прошло: выберите дату и время, которые ещё впереди.</translation>
    </message>
    <message>
        <source>The start time needs a time zone</source>
        <translation>У времени начала должен быть часовой пояс</translation>
    </message>
    <message>
        <source>A visit lasts from 5 minutes to 12 hours</source>
        <translation>Визит длится от 5 минут до 12 часов</translation>
    </message>
    <message>
        <source>Give both the latitude and the longitude</source>
        <translation>Укажите и широту, и долготу</translation>
    </message>
    <message>
        <source>Coordinates out of range</source>
        <translation>Координаты вне допустимых пределов</translation>
    </message>
    <message>
        <source>Attendees must be contacts of this client</source>
        <translation>Участники должны быть контактами этого клиента</translation>
    </message>
    <message>
        <source>Unknown product</source>
        <translation>Неизвестный продукт</translation>
    </message>
    <message>
        <source>The offer must be one made for this client</source>
        <translation>КП должно быть подготовлено для этого клиента</translation>
    </message>
    <message>
        <source>The start needs a time zone</source>
        <translation>У начала должен быть часовой пояс</translation>
    </message>
    <message>
        <source>A visit lasts from 1 minute to 12 hours</source>
        <translation>Визит длится от 1 минуты до 12 часов</translation>
    </message>
    <message>
        <source>When did the visit start?</source>
        <translation>Когда начался визит?</translation>
    </message>
    <message>
        <source>A visit cannot have started in the future</source>
        <translation>Визит не может начаться в будущем</translation>
    </message>
    <message>
        <source>How long did the visit last?</source>
        <translation>Сколько длился визит?</translation>
    </message>
    <message>
        <source>Say whether the objective was reached</source>
        <translation>Укажите, достигнута ли цель</translation>
    </message>
    <message>
        <source>Describe the outcome</source>
        <translation>Опишите итог</translation>
    </message>
    <message>
        <source>Choose the client&apos;s mood</source>
        <translation>Выберите настрой клиента</translation>
    </message>
    <message>
        <source>A next step needs a title</source>
        <translation>У следующего шага должно быть название</translation>
    </message>
    <message>
        <source>A next step needs a due date</source>
        <translation>У следующего шага должен быть срок</translation>
    </message>
    <message>
        <source>A next step cannot be due before the visit</source>
        <translation>Срок следующего шага не может быть раньше визита</translation>
    </message>
    <message>
        <source>The visit has not started yet</source>
        <translation>Визит ещё не начался</translation>
    </message>
    <message>
        <source>Only a completed report can be submitted; this visit is {status}</source>
        <translation>Сдать можно только заполненный отчёт; этот визит: {status}</translation>
    </message>
    <message>
        <source>The addendum is empty</source>
        <translation>Дополнение пустое</translation>
    </message>
    <message>
        <source>Addenda are for submitted reports; edit this report instead</source>
        <translation>Дополнения — для сданных отчётов; этот отчёт можно просто изменить</translation>
    </message>
    <message>
        <source>Analyst: facts, figures and order. Send data in advance, keep to the agenda, do not push for a quick decision.</source>
        <translation>Аналитик: факты, цифры и порядок. Пришлите данные заранее, держитесь повестки, не торопите с решением.</translation>
    </message>
    <message>
        <source>Expressive: attention and recognition. Let them talk, acknowledge their ideas, keep it lively and visual.</source>
        <translation>Экспрессивный: внимание и признание. Дайте выговориться, отметьте его идеи, говорите живо и наглядно.</translation>
    </message>
    <message>
        <source>Directive: brevity and results. Get to the point, offer options with outcomes, respect their time.</source>
        <translation>Директивный: краткость и результат. Сразу к делу, предлагайте варианты с результатом, берегите его время.</translation>
    </message>
    <message>
        <source>Friendly: relationship and trust. Start personally, do not rush, show how people like them benefit.</source>
        <translation>Дружеский: отношения и доверие. Начните с личного, не спешите, покажите, что это дало людям, похожим на него.</translation>
    </message>
    <message>
        <source>Departure time known</source>
        <translation>Время выезда известно</translation>
    </message>
    <message>
        <source>No travel time: give the place coordinates (or home&apos;s) or enter the travel time by hand</source>
        <translation>Нет времени в пути: укажите координаты места (или дома) или введите время в пути вручную</translation>
    </message>
    <message>
        <source>Leave at {departure:%H:%M} ({travel} min)</source>
        <translation>Выезд в {departure:%H:%M} ({travel} мин)</translation>
    </message>
    <message>
        <source>No overlap with another visit</source>
        <translation>Не пересекается с другим визитом</translation>
    </message>
    <message>
        <source>Starts before the previous visit ends</source>
        <translation>Начинается до окончания предыдущего визита</translation>
    </message>
    <message>
        <source>Check the route, parking and entry pass</source>
        <translation>Проверьте маршрут, парковку и пропуск</translation>
    </message>
    <message>
        <source>Cannot be reached in time: {travel} min on the road, {gap} min after the previous visit: {late} min late</source>
        <translation>Не успеть к началу: {travel} мин в дороге, а после предыдущего визита {gap} мин — опоздание на {late} мин</translation>
    </message>
    <message>
        <source>Time to arrive {buffer} min early</source>
        <translation>Есть время приехать на {buffer} мин раньше</translation>
    </message>
    <message>
        <source>Record the known objections to {product} and their answers</source>
        <translation>Запишите известные возражения по {product} и ответы на них</translation>
    </message>
    <message>
        <source>Prepare answers to the objections to {product}: {count} unanswered</source>
        <translation>Подготовьте ответы на возражения по {product}: без ответа {count}</translation>
    </message>
    <message>
        <source>The objections to {product} have answers</source>
        <translation>На возражения по {product} есть ответы</translation>
    </message>
    <message>
        <source>The client&apos;s past objections have answers</source>
        <translation>На прошлые возражения клиента есть ответы</translation>
    </message>
    <message>
        <source>The client raised no objections before</source>
        <translation>Прошлых возражений у клиента нет</translation>
    </message>
    <message>
        <source>Prepare answers to the client&apos;s past objections: {count} unanswered</source>
        <translation>Подготовьте ответы на прошлые возражения клиента: без ответа {count}</translation>
    </message>
    <message>
        <source>Prepare more open questions: {count} of {minimum}</source>
        <translation>Подготовьте ещё открытые вопросы: есть {count} из {minimum}</translation>
    </message>
    <message>
        <source>Find out the psychotype of {name}</source>
        <translation>Определите психотип: {name}</translation>
    </message>
    <message>
        <source>Let the client finish; note the points to come back to</source>
        <translation>Давайте клиенту договорить; записывайте, к чему вернуться</translation>
    </message>
    <message>
        <source>Only {gap} min after the previous visit; {short} min short of travel and buffer</source>
        <translation>Всего {gap} мин после предыдущего визита; на дорогу и запас не хватает {short} мин</translation>
    </message>
    <message>
        <source>Route, parking and entry pass checked</source>
        <translation>Маршрут, парковка и пропуск проверены</translation>
    </message>
    <message>
        <source>I will acknowledge each objection before answering, never argue</source>
        <translation>Я признаю каждое возражение, прежде чем ответить, и не спорю</translation>
    </message>
    <message>
        <source>Acknowledge each objection before answering; never argue</source>
        <translation>Признавайте каждое возражение, прежде чем ответить; не спорьте</translation>
    </message>
    <message>
        <source>«{objection}» — {answer}</source>
        <translation>«{objection}» — {answer}</translation>
    </message>
    <message>
        <source>«{objection}» — no answer</source>
        <translation>«{objection}» — ответа нет</translation>
    </message>
    <message>
        <source>At least {minimum} open questions prepared</source>
        <translation>Подготовлено не меньше {minimum} открытых вопросов</translation>
    </message>
    <message>
        <source>Closed question, ask it openly: {question}</source>
        <translation>Закрытый вопрос, задайте его открыто: {question}</translation>
    </message>
    <message>
        <source>Psychotype of {name} known</source>
        <translation>Известен психотип: {name}</translation>
    </message>
    <message>
        <source>I will let the client finish and note points to come back to</source>
        <translation>Я дам клиенту договорить и запишу, к чему вернуться</translation>
    </message>
    <message>
        <source>Last {count} visit reports of this client reviewed</source>
        <translation>Последние отчёты о визитах к этому клиенту ({count}) просмотрены</translation>
    </message>
    <message>
        <source>{date:%d.%m.%Y}: {outcome}</source>
        <translation>{date:%d.%m.%Y}: {outcome}</translation>
    </message>
    <message>
        <source>Objective set</source>
        <translation>Цель поставлена</translation>
    </message>
    <message>
        <source>Agenda set</source>
        <translation>Повестка составлена</translation>
    </message>
    <message>
        <source>Attendees chosen</source>
        <translation>Участники выбраны</translation>
    </message>
    <message>
        <source>Materials listed</source>
        <translation>Материалы перечислены</translation>
    </message>
    <message>
        <source>The client&apos;s needs and plans re-read; my proposals answer them</source>
        <translation>Потребности и планы клиента перечитаны; мои предложения отвечают на них</translation>
    </message>
    <message>
        <source>target result not set</source>
        <translation>не задан целевой результат</translation>
    </message>
    <message>
        <source>walk-away point not set</source>
        <translation>не задана точка выхода</translation>
    </message>
    <message>
        <source>concessions not listed in order</source>
        <translation>уступки не перечислены по порядку</translation>
    </message>
    <message>
        <source>Negotiation plan ready</source>
        <translation>План переговоров готов</translation>
    </message>
    <message>
        <source>Dossier {score}% complete</source>
        <translation>Досье заполнено на {score}%</translation>
    </message>
    <message>
        <source>Fill in the dossier: {score}% complete, {threshold}% needed</source>
        <translation>Заполните досье: заполнено на {score}%, нужно {threshold}%</translation>
    </message>
    <message>
        <source>No past visit reports of this client</source>
        <translation>Прошлых отчётов о визитах к этому клиенту нет</translation>
    </message>
    <message>
        <source>Review the last visit reports of this client ({count})</source>
        <translation>Просмотрите последние отчёты о визитах к этому клиенту ({count})</translation>
    </message>
    <message>
        <source>Set the visit&apos;s objective</source>
        <translation>Поставьте цель визита</translation>
    </message>
    <message>
        <source>Draw up the agenda</source>
        <translation>Составьте повестку</translation>
    </message>
    <message>
        <source>Choose who attends from the client&apos;s side</source>
        <translation>Выберите участников со стороны клиента</translation>
    </message>
    <message>
        <source>List the materials to take</source>
        <translation>Перечислите материалы, которые взять с собой</translation>
    </message>
    <message>
        <source>Re-read the client&apos;s needs and plans; make the proposals answer them</source>
        <translation>Перечитайте потребности и планы клиента; предложения должны отвечать на них</translation>
    </message>
    <message>
        <source>Complete the negotiation plan</source>
        <translation>Доработайте план переговоров</translation>
    </message>
    <message>
        <source>Prepare an offer for this client</source>
        <translation>Подготовьте КП для этого клиента</translation>
    </message>
    <message>
        <source>Choose this client&apos;s offer: {number} is for another</source>
        <translation>Выберите КП этого клиента: {number} — для другого клиента</translation>
    </message>
    <message>
        <source>Prepare a new offer: {number} was rejected</source>
        <translation>Подготовьте новое КП: {number} отклонено</translation>
    </message>
    <message>
        <source>Prepare a new offer: {number} has expired</source>
        <translation>Подготовьте новое КП: срок {number} истёк</translation>
    </message>
    <message>
        <source>Extend offer {number}: it expires on {date:%d.%m.%Y}, before the visit</source>
        <translation>Продлите КП {number}: оно истекает {date:%d.%m.%Y}, раньше визита</translation>
    </message>
    <message>
        <source>Offer {number} ready to hand over</source>
        <translation>КП {number} готово к передаче</translation>
    </message>
    <message>
        <source>Smoking: {value}</source>
        <translation>Курение: {value}</translation>
    </message>
    <message>
        <source>Food: {value}</source>
        <translation>Еда: {value}</translation>
    </message>
    <message>
        <source>Alcohol: {value}</source>
        <translation>Алкоголь: {value}</translation>
    </message>
    <message>
        <source>Topics to avoid: {value}</source>
        <translation>Темы, которых избегать: {value}</translation>
    </message>
    <message>
        <source>Hobbies: {value}</source>
        <translation>Увлечения: {value}</translation>
    </message>
    <message>
        <source>Family: {value}</source>
        <translation>Семья: {value}</translation>
    </message>
    <message>
        <source>Studied: {value}</source>
        <translation>Образование: {value}</translation>
    </message>
    <message>
        <source>Form of address of {name} known</source>
        <translation>Обращение известно: {name}</translation>
    </message>
    <message>
        <source>Find out how to address {name}</source>
        <translation>Узнайте, как обращаться: {name}</translation>
    </message>
    <message>
        <source>Wear business dress, take business cards, silence the phone</source>
        <translation>Наденьте деловой костюм, возьмите визитки, выключите звук телефона</translation>
    </message>
    <message>
        <source>Congratulations ready: birthday of {name} on {date:%d.%m}</source>
        <translation>Поздравление готово: {date:%d.%m} день рождения — {name}</translation>
    </message>
    <message>
        <source>Congratulate {name}: birthday on {date:%d.%m}</source>
        <translation>Поздравьте: {date:%d.%m} день рождения — {name}</translation>
    </message>
    <message>
        <source>Add the products to discuss: the visit is commercial</source>
        <translation>Добавьте продукты для обсуждения: визит коммерческий</translation>
    </message>
    <message>
        <source>Key messages for {product} written</source>
        <translation>Ключевые сообщения по {product} записаны</translation>
    </message>
    <message>
        <source>Write key messages for {product}</source>
        <translation>Запишите ключевые сообщения по {product}</translation>
    </message>
    <message>
        <source>Current price of {product} known</source>
        <translation>Текущая цена {product} известна</translation>
    </message>
    <message>
        <source>Enter the current price of {product}</source>
        <translation>Внесите текущую цену {product}</translation>
    </message>
    <message>
        <source>{product} compared with competitors</source>
        <translation>Есть сравнение {product} с конкурентами</translation>
    </message>
    <message>
        <source>Compare {product} with competitors</source>
        <translation>Сравните {product} с конкурентами</translation>
    </message>
    <message>
        <source>Take the instructions, the latest price list and studies</source>
        <translation>Возьмите инструкции, свежий прайс-лист и исследования</translation>
    </message>
    <message>
        <source>Address as «{form}»</source>
        <translation>Обращаться: «{form}»</translation>
    </message>
    <message>
        <source>Business dress, business cards, phone on silent</source>
        <translation>Деловой костюм, визитки, телефон без звука</translation>
    </message>
    <message>
        <source>Products on the agenda</source>
        <translation>Продукты в повестке</translation>
    </message>
    <message>
        <source>Instructions, the latest price list and studies at hand</source>
        <translation>Инструкции, свежий прайс-лист и исследования под рукой</translation>
    </message>
    <message>
        <source>The road factor must be between 1.0 and 3.0</source>
        <translation>Коэффициент дороги должен быть от 1,0 до 3,0</translation>
    </message>
    <message>
        <source>The speed in town must be between 3 and 150 km/h</source>
        <translation>Скорость в городе должна быть от 3 до 150 км/ч</translation>
    </message>
    <message>
        <source>The distance in town must be between 0 and 200 km</source>
        <translation>Путь по городу должен быть от 0 до 200 км</translation>
    </message>
    <message>
        <source>The speed between towns must be at least the speed in town and at most 150 km/h</source>
        <translation>Скорость между городами должна быть не ниже скорости в городе и не выше 150 км/ч</translation>
    </message>
    <message>
        <source>The buffer must be between 0 and 120 minutes</source>
        <translation>Запас времени должен быть от 0 до 120 минут</translation>
    </message>
    <message>
        <source>The same-trip gap must be between 1 and 1440 min</source>
        <translation>Перерыв в одной поездке должен быть от 1 до 1440 мин</translation>
    </message>
    <message>
        <source>Give both the latitude and the longitude of home</source>
        <translation>Укажите и широту, и долготу дома</translation>
    </message>
    <message>
        <source>The home coordinates are out of range</source>
        <translation>Координаты дома вне допустимых пределов</translation>
    </message>
    <message>
        <source>The reminder must be between 0 and 240 minutes</source>
        <translation>Напоминание должно быть от 0 до 240 минут</translation>
    </message>
    <message>
        <source>The default duration must be 5 to 600 minutes</source>
        <translation>Длительность по умолчанию должна быть от 5 до 600 минут</translation>
    </message>
    <message>
        <source>Visit frequencies must be positive and A ≤ B ≤ C in days</source>
        <translation>Частота визитов должна быть положительной и A ≤ B ≤ C в днях</translation>
    </message>
    <message>
        <source>A next step must be due 1 to 60 working days after the visit</source>
        <translation>Срок следующего шага — от 1 до 60 рабочих дней после визита</translation>
    </message>
    <message>
        <source>Minimum open questions must be between 0 and 20</source>
        <translation>Минимум открытых вопросов — от 0 до 20</translation>
    </message>
    <message>
        <source>The dossier threshold must be between 0 and 100</source>
        <translation>Порог заполненности досье — от 0 до 100</translation>
    </message>
    <message>
        <source>The birthday window must be between 0 and 60 days</source>
        <translation>Окно дней рождения — от 0 до 60 дней</translation>
    </message>
    <message>
        <source>Past reports to review must be between 0 and 20</source>
        <translation>Число прошлых отчётов для просмотра — от 0 до 20</translation>
    </message>
    <message>
        <source>Readiness thresholds must satisfy 0 &lt; amber &lt; green</source>
        <translation>Пороги готовности должны быть 0 &lt; жёлтый &lt; зелёный</translation>
    </message>
    <message>
        <source>A visit that is {current} cannot become {target}</source>
        <translation>Визит в статусе {current} не может перейти в {target}</translation>
    </message>
    <message>
        <source>Only a planned visit can be edited; this one is {status}</source>
        <translation>Изменить можно только запланированный визит; этот: {status}</translation>
    </message>
    <message>
        <source>The report is submitted and locked (it goes to the manager at the next sync); add a dated addendum instead</source>
        <translation>Отчёт сдан и закрыт (руководителю он будет отправлен при следующей синхронизации); добавьте датированное дополнение</translation>
    </message>
    <message>
        <source>A visit that is {status} has no report</source>
        <translation>У визита в статусе {status} нет отчёта</translation>
    </message>
    <message>
        <source>The time needs a time zone</source>
        <translation>У времени должен быть указан часовой пояс</translation>
    </message>
    <message>
        <source>A visit cannot have been held in the future</source>
        <translation>Визит не может быть проведён в будущем</translation>
    </message>
    <message>
        <source>The visit is planned for later: say when it was held</source>
        <translation>Визит запланирован на более позднее время: укажите, когда он состоялся</translation>
    </message>
    <message>
        <source>The visit has changed in the meantime; nothing was undone</source>
        <translation>Визит за это время изменился; ничего не отменено</translation>
    </message>
    <message>
        <source>The report is submitted and can no longer be undone; add a dated addendum instead</source>
        <translation>Отчёт сдан, отменить изменения уже нельзя; добавьте датированное дополнение</translation>
    </message>
    <message>
        <source>Nothing to undo: the visit is only planned</source>
        <translation>Отменять нечего: визит только запланирован</translation>
    </message>
    <message>
        <source>The visit it was moved to is no longer only planned; undo that one first</source>
        <translation>Визит, на который его перенесли, уже изменился; сначала отмените изменения в нём</translation>
    </message>
    <message>
        <source>No other visit or call at that time</source>
        <translation>В это время нет другого визита или звонка</translation>
    </message>
    <message>
        <source>Move the call: it falls inside another visit or call</source>
        <translation>Перенесите звонок: он приходится на другой визит или звонок</translation>
    </message>
    <message>
        <source>Contact to call chosen</source>
        <translation>Выбран контакт для звонка</translation>
    </message>
    <message>
        <source>Choose whom to call</source>
        <translation>Выберите, кому звонить</translation>
    </message>
    <message>
        <source>Set the call&apos;s objective</source>
        <translation>Поставьте цель звонка</translation>
    </message>
    <message>
        <source>Phone number of {name} known</source>
        <translation>Номер телефона известен: {name}</translation>
    </message>
    <message>
        <source>Find the phone number of {name}</source>
        <translation>Найдите номер телефона: {name}</translation>
    </message>
    <message>
        <source>An open complaint comes before any new selling: record its resolution on the card&apos;s Dossier</source>
        <translation>Открытая жалоба важнее любых новых продаж: запишите её решение на вкладке «Досье» карточки</translation>
    </message>
    <message>
        <source>Call {phone}</source>
        <translation>Звонить: {phone}</translation>
    </message>
    <message>
        <source>Complaint of {date:%d.%m.%Y} resolved: {subject}</source>
        <translation>Жалоба от {date:%d.%m.%Y} решена: {subject}</translation>
    </message>
    <message>
        <source>Resolve the complaint of {date:%d.%m.%Y} first: {subject}</source>
        <translation>Сначала решите жалобу от {date:%d.%m.%Y}: {subject}</translation>
    </message>
    <message>
        <source>Complaint: {details}</source>
        <translation>Жалоба: {details}</translation>
    </message>
</context>
<context>
    <name>VisitsPage</name>
    <message>
        <source>Visits</source>
        <translation>Визиты</translation>
    </message>
    <message>
        <source>Select a planned visit for its brief.</source>
        <translation>Выберите запланированный визит, чтобы получить памятку.</translation>
    </message>
    <message>
        <source>Brief — {client} — {date}.pdf</source>
        <translation>Памятка — {client} — {date}.pdf</translation>
    </message>
    <message>
        <source>Save the brief</source>
        <translation>Сохранить памятку</translation>
    </message>
    <message>
        <source>Writing the brief…</source>
        <translation>Готовим памятку…</translation>
    </message>
    <message>
        <source>Brief ready: %1</source>
        <translation>Памятка готова: %1</translation>
    </message>
    <message>
        <source>Brief ready</source>
        <translation>Памятка готова</translation>
    </message>
    <message>
        <source>Select a planned visit to mark it held.</source>
        <translation>Выберите запланированный визит, чтобы отметить его проведённым.</translation>
    </message>
    <message>
        <source>Nothing to undo.</source>
        <translation>Отменять нечего.</translation>
    </message>
    <message>
        <source>%1: undone, the call is «%2» again.</source>
        <translation>%1: изменение отменено, звонок снова «%2».</translation>
    </message>
    <message>
        <source>%1: undone, the visit is «%2» again.</source>
        <translation>%1: изменение отменено, визит снова «%2».</translation>
    </message>
    <message>
        <source>Cancel the call</source>
        <translation>Отмена звонка</translation>
    </message>
    <message>
        <source>Why is the call to %1 cancelled?</source>
        <translation>Почему отменён звонок в %1?</translation>
    </message>
    <message>
        <source>A reason is needed: without one the call is not cancelled.</source>
        <translation>Нужна причина: без неё звонок не отменить.</translation>
    </message>
    <message>
        <source>Cancel the visit</source>
        <translation>Отмена визита</translation>
    </message>
    <message>
        <source>Why is the visit to %1 cancelled?</source>
        <translation>Почему отменён визит в %1?</translation>
    </message>
    <message>
        <source>A reason is needed: without one the visit is not cancelled.</source>
        <translation>Нужна причина: без неё визит не отменить.</translation>
    </message>
    <message>
        <source>No planned visits with an address on this day.</source>
        <translation>В этот день нет запланированных визитов с адресом.</translation>
    </message>
    <message>
        <source>Select completed reports (in the list) to submit them.</source>
        <translation>Выберите готовые отчёты (в списке), чтобы сдать их.</translation>
    </message>
    <message>
        <source>Today (T)</source>
        <translation>Сегодня (T)</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>День</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Неделя</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Список</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Чек-лист</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Задачи</translation>
    </message>
    <message>
        <source>Overdue clients</source>
        <translation>Давно без визита</translation>
    </message>
    <message>
        <source>New visit (N)</source>
        <translation>Новый визит (N)</translation>
    </message>
    <message>
        <source>Plan a call</source>
        <translation>Запланировать звонок</translation>
    </message>
    <message>
        <source>Open (Enter)</source>
        <translation>Открыть (Enter)</translation>
    </message>
    <message>
        <source>Brief PDF</source>
        <translation>Памятка PDF</translation>
    </message>
    <message>
        <source>Mark held</source>
        <translation>Проведён</translation>
    </message>
    <message>
        <source>Reschedule</source>
        <translation>Перенести</translation>
    </message>
    <message>
        <source>Cancel call (Del)</source>
        <translation>Отменить звонок (Del)</translation>
    </message>
    <message>
        <source>Cancel visit (Del)</source>
        <translation>Отменить визит (Del)</translation>
    </message>
    <message>
        <source>Undo (Ctrl+Z)</source>
        <translation>Вернуть как было (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Order the day&apos;s route</source>
        <translation>Маршрут дня</translation>
    </message>
    <message>
        <source>Submit reports…</source>
        <translation>Сдать отчёты…</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>Отменять нечего</translation>
    </message>
    <message>
        <source>Submit reports</source>
        <translation>Сдать отчёты</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Выгрузка…</translation>
    </message>
    <message>
        <source>Select a planned visit for this.</source>
        <translation>Выберите запланированный визит.</translation>
    </message>
</context>
</TS>
