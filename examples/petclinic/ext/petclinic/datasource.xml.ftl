<Context>
  <Resource name="${deployed.jndiName}" auth="Container" type="javax.sql.DataSource"
            driverClassName="${deployed.driverClassName}" url="${deployed.url}"
            username="${deployed.username}" password="${deployed.password!}"
            maxActive="${deployed.maxActive}"/>
</Context>
