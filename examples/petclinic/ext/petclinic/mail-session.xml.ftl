<Context>
  <Resource name="${deployed.jndiName}" auth="Container" type="javax.mail.Session"
            mail.smtp.host="${deployed.smtpHost}" mail.smtp.port="${deployed.smtpPort}"
            mail.from="${deployed.from!}"/>
</Context>
